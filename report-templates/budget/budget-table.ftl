<#-- The one rendering of a budget table (docs/budget-tables.md), included by budget-summary and
     operational-plan. Every figure arrives formatted by BudgetLayout: no arithmetic here. amountCss gives
     each amount column the font size its widest figure fits at (io.sello.budget.AmountFit). Data is
     escaped by the XHTML output format; style attributes carry only values computed by the service. -->
<#macro budgetTable t>
<div class="budget" id="budget-${t.id}">
  <#if t.title?has_content><p class="budget-caption">${t.title}</p></#if>
  <table class="budget">
    <colgroup><#list t.widths as w><col style="width: ${w}"/></#list></colgroup>
    <thead>
      <#list t.headerRows as row><tr><#list row as cell><th<#if cell.colspan gt 1> colspan="${cell.colspan?c}"</#if><#if cell.rowspan gt 1> rowspan="${cell.rowspan?c}"</#if> class="${cell.css}">${cell.text}</th></#list></tr></#list>
    </thead>
    <tbody>
      <#list t.rows as row>
        <#if row.kind == "heading">
      <tr class="heading"><td colspan="${row.span?c}" class="label level-${row.level?c}<#if row.italic> italic</#if>">${row.label}</td></tr>
        <#else>
      <tr class="${row.kind}"><td class="label level-${row.level?c}<#if row.italic> italic</#if>">${row.label}</td><#list row.cells as cell><td class="amount${t.amountCss[cell?index]}">${cell}</td></#list></tr>
        </#if>
      </#list>
    </tbody>
  </table>
  <#list t.notes as note><p class="budget-note">${note}</p></#list>
  <#if t.roundingNote?has_content><p class="budget-note rounding-note">${t.roundingNote}</p></#if>
  <#if t.discrepancies?has_content>
  <div class="discrepancies">
    <p class="discrepancy-title">Nota de discrepancia: cifras declaradas que no cuadran con el cálculo. Se imprimen las cifras calculadas.</p>
    <#list t.discrepancies as d><p class="discrepancy">${d}</p></#list>
  </div>
  </#if>
  <#if t.chart.title??>
  <div class="chart">
    <p class="chart-title">${t.chart.title}</p>
    <p class="legend"><#list t.chart.legend as l><span class="swatch" style="background-color: ${l.color}">&#160;&#160;&#160;&#160;</span>&#160;${l.label}<#sep>&#160;&#160;&#160; </#sep></#list></p>
    <table class="chart">
      <colgroup><col style="width: 30%"/><col style="width: 70%"/></colgroup>
      <#list t.chart.groups as g>
      <tr><td class="chart-label">${g.label}</td><td class="bars"><table class="bars"><colgroup><col style="width: ${t.chart.barWidth}"/><col style="width: ${t.chart.valueWidth}"/></colgroup><#list g.bars as b><tr><td class="bar-cell"><div class="bar<#if b.negative> negative</#if>" style="width: ${b.width}; background-color: ${b.color}">&#160;</div></td><td class="bar-value">${b.value}</td></tr></#list></table></td></tr>
      </#list>
    </table>
  </div>
  </#if>
</div>
</#macro>
