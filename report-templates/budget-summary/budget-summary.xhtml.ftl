<#-- Budget summary: one or more computed, reconciled budget tables (docs/budget-tables.md).
     Trusted template, untrusted data: every ${…} is escaped by the XHTML output format. -->
<#import "/budget/budget-table.ftl" as budget>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="es">
<head>
  <title>${title}</title>
  <link rel="stylesheet" type="text/css" href="budget-summary.css"/>
  <link rel="stylesheet" type="text/css" href="../budget/budget-table.css"/>
  <bookmarks>
    <#list tables as t><bookmark name="<#if t.title?has_content>${t.title}<#else>${t.id}</#if>" href="#budget-${t.id}"/></#list>
  </bookmarks>
</head>
<body>
  <div class="running-title">${title}</div>
  <h1>${title}</h1>
  <#if subtitle?has_content><p class="subtitle">${subtitle}</p></#if>
  <#if issuer?has_content><p class="issuer">${issuer}</p></#if>
  <#if placeAndDate?has_content><p class="place">${placeAndDate}</p></#if>
  <#list tables as t><@budget.budgetTable t/></#list>
  <#list notes as note><p class="document-note">${note}</p></#list>
  <#-- The signature block of Formulario N.5.B (RESPONSABLES DE LA INFORMACION), only when the request names
       signatories. Each FIRMA cell's id (firma-ELABORADO …) is where the registry stamps that step's visible
       signature (io.sello.budget.BudgetSummaryType, via the engine's anchors). -->
  <#if signatories?has_content>
  <table class="signatures">
    <colgroup><col class="role"/><col class="name"/><col class="position"/><col class="signature"/></colgroup>
    <thead><tr><th class="label">RESPONSABLES DE LA INFORMACION</th><th>NOMBRE</th><th>CARGO</th><th>FIRMA</th></tr></thead>
    <tbody>
    <#list signatories as s>
      <tr><td class="role">${s.label}</td><td>${s.name}</td><td>${s.position}</td><td class="signature" id="firma-${s.role}"></td></tr>
    </#list>
    </tbody>
  </table>
  </#if>
</body>
</html>
