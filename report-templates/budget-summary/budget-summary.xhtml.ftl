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
</body>
</html>
