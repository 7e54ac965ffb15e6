<#-- Plan Operativo, after the annex of seed 003. Trusted template, untrusted data: every ${…} is
     escaped by the XHTML output format; data is never evaluated. -->
<#macro runs paragraph><#list paragraph as run><#if run.note gt 0><sup class="note-ref">${run.note?c}</sup><#elseif run.bold><b><#if run.italic><i>${run.text}</i><#elseif run.underline><u>${run.text}</u><#else>${run.text}</#if></b><#elseif run.italic><i><#if run.underline><u>${run.text}</u><#else>${run.text}</#if></i><#elseif run.underline><u>${run.text}</u><#else>${run.text}</#if></#list></#macro>
<#-- Numbers in markup use ?c: computer format, never the report locale's grouping. -->
<#macro spans cell><#if cell.colspan gt 1> colspan="${cell.colspan?c}"</#if><#if cell.rowspan gt 1> rowspan="${cell.rowspan?c}"</#if></#macro>
<#macro bookmarkTree items><#list items as item><bookmark name="${item.title}" href="#${item.id}"><@bookmarkTree item.children/></bookmark></#list></#macro>
<#import "/budget/budget-table.ftl" as budget>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="es">
<head>
  <title>${documentTitle}</title>
  <link rel="stylesheet" type="text/css" href="operational-plan.css"/>
  <link rel="stylesheet" type="text/css" href="../budget/budget-table.css"/>
  <bookmarks>
    <bookmark name="Índice" href="#index"/>
    <#if abbreviations?has_content><bookmark name="Abreviaciones" href="#abbreviations"/></#if>
    <@bookmarkTree bookmarks/>
  </bookmarks>
</head>
<body>
  <div class="cover">
    <p class="cover-program">${cover.program}</p>
    <#if cover.title?has_content><p class="cover-title">${cover.title}</p></#if>
    <p class="cover-period">${cover.period}</p>
    <p class="cover-place">${cover.placeAndDate}</p>
  </div>

  <div class="index" id="index">
    <h1 class="front">Índice</h1>
    <#list sections as section>
      <p class="toc toc-${section.level?c}"><a href="#${section.id}">${section.title}</a></p>
    </#list>
  </div>

  <#if abbreviations?has_content>
  <div class="abbreviations" id="abbreviations">
    <h1 class="front">Abreviaciones</h1>
    <table class="abbreviations">
      <#list abbreviations as a><tr><td class="abbr">${a.abbreviation}</td><td>${a.meaning}</td></tr></#list>
    </table>
  </div>
  </#if>

  <div class="content">
  <#list sections as section>
    <h${section.level?c} id="${section.id}" class="section">${section.title}</h${section.level?c}>
    <#list section.blocks as block>
      <#if block.kind == "paragraph">
        <p class="text"><@runs block.runs/></p>
      <#elseif block.kind == "heading">
        <p class="minor-heading">${block.text}</p>
      <#elseif block.kind == "list">
        <ul><#list block.items as item><li><@runs item/></li></#list></ul>
      <#elseif block.kind == "budget">
        <@budget.budgetTable block.table/>
      <#else>
        <#if block.caption?has_content><p class="caption">${block.caption}</p></#if>
        <table class="grid">
          <colgroup><#list block.columns as column><col style="width: ${column.width}"/></#list></colgroup>
          <#if block.header?has_content>
          <thead>
            <#list block.header as row><tr><#list row as cell><th<@spans cell/> class="${cell.align}">${cell.text}</th></#list></tr></#list>
          </thead>
          </#if>
          <tbody>
            <#list block.body as row><tr><#list row as cell><td<@spans cell/> class="${cell.align}<#if cell.bold> bold</#if><#if cell.italic> italic</#if>">${cell.text}</td></#list></tr></#list>
          </tbody>
        </table>
        <#list block.notes as note><p class="table-note"><@runs note/></p></#list>
      </#if>
    </#list>
    <#if section.notes?has_content>
      <div class="notes">
        <#list section.notes as note><p class="note"><sup>${note.number?c}</sup> ${note.text}</p></#list>
      </div>
    </#if>
  </#list>
  </div>
</body>
</html>
