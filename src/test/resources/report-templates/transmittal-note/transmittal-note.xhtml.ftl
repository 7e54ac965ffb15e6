<#-- Nota de remisión (the recipe's example type, docs/architecture.md). Trusted template, untrusted data: every
     ${…} is escaped by the XHTML output format. -->
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="es">
<head>
  <title>${title}</title>
  <link rel="stylesheet" type="text/css" href="transmittal-note.css"/>
</head>
<body>
  <h1>NOTA DE REMISIÓN N.º ${number}</h1>
  <table class="header">
    <tr><th>Fecha</th><td>${date}</td></tr>
    <tr><th>De</th><td>${sender}</td></tr>
    <tr><th>A</th><td>${recipient}</td></tr>
    <tr><th>Asunto</th><td>${subject}</td></tr>
  </table>
  <p>Se remiten los siguientes documentos:</p>
  <table class="enclosures">
    <thead><tr><th class="n">N.º</th><th>Documento</th><th class="pages">Páginas</th></tr></thead>
    <tbody>
    <#list rows as r><tr><td class="n">${r.n}</td><td>${r.title}</td><td class="pages">${r.pages}</td></tr></#list>
    </tbody>
    <tfoot><tr><th></th><th>TOTAL</th><th class="pages">${totalPages}</th></tr></tfoot>
  </table>
</body>
</html>
