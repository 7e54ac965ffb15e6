<#-- Enmienda a un acuerdo de cooperación, after seed 003. Trusted template, untrusted data:
     every ${…} is escaped by the XHTML output format; data is never evaluated. -->
<#macro runs paragraph><#list paragraph as run><#if run.bold><b><#if run.italic><i><#if run.underline><u>${run.text}</u><#else>${run.text}</#if></i><#elseif run.underline><u>${run.text}</u><#else>${run.text}</#if></b><#elseif run.italic><i><#if run.underline><u>${run.text}</u><#else>${run.text}</#if></i><#elseif run.underline><u>${run.text}</u><#else>${run.text}</#if></#list></#macro>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="es">
<head>
  <title>${documentTitle}</title>
  <link rel="stylesheet" type="text/css" href="agreement-amendment.css"/>
</head>
<body>
  <div class="title-block">
    <p class="title">${title}</p>
    <p class="title">${instrument}</p>
    <p class="title">ENTRE</p>
    <#list parties as party>
      <p class="party">${party}</p>
      <#sep><p class="title">Y</p></#sep>
    </#list>
    <p class="title">${subjectLabel}</p>
    <p class="project">${projectName}</p>
    <p class="project-line">${projectLine}</p>
  </div>

  <#list articles as article>
  <div class="article">
    <#list article.paragraphs as paragraph>
      <p class="text"><#if paragraph?is_first><b>${article.label}</b> </#if><@runs paragraph/></p>
    </#list>
    <#list article.clauses as clause>
    <div class="quoted">
      <p class="clause-heading">${clause.heading}</p>
      <#if clause.title?has_content><p class="clause-title">${clause.title}</p></#if>
      <#list clause.paragraphs as paragraph>
        <p class="text"><@runs paragraph/></p>
      </#list>
    </div>
    </#list>
  </div>
  </#list>

  <div class="signing">
    <p class="text">${signingText}</p>
    <table class="signatures">
      <tr>
      <#list signatures as signature>
        <td>
          <p class="signature-heading">${signature.heading}</p>
          <div class="signature-space"></div>
          <p class="signature-name">${signature.name}</p>
          <p class="signature-title">${signature.title}</p>
        </td>
      </#list>
      </tr>
    </table>
  </div>

  <#list annexes as annex>
  <p class="annex">Anexo: ${annex}</p>
  </#list>
</body>
</html>
