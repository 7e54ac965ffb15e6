// The figures of a budget row laid out as the printed table lays them out (issue 15 §1): one cell per column of
// the table, in the columns' order, under the columns' own headings, instead of two maps edited key by key.
// A schema asks for it with "x-sello-cells" on its row items (the budget tables of three document types do):
// the annotation names the list of columns, which of their fields is the key and which the heading, which
// columns are computed, and where a row keeps its figures ("values" for what a person enters in an item's input
// columns, "declared" for every other printed figure). This file draws the cells; editor.js decides, from the
// same annotation and the data as the API takes it, where each cell's figure goes.
'use strict';
const SelloCells = (() => {
  const WIDTH = 'sello-cell';
  let hooks = null; // the mounted form's (editor.js): one form per page, the latest mount wins

  /**
   * Registers the json-editor editor for schemas marked x-sello: 'cells'. hooks.sync(editor) works out the
   * editor's layout and calls editor.layout(plan); hooks.forget(editor) is called when it is destroyed.
   */
  function define(JSONEditor, formHooks) {
    hooks = formHooks;
    if (JSONEditor.defaults.editors.selloCells) return;

    class CellsEditor extends JSONEditor.AbstractEditor {
      build() {
        this.box = document.createElement('div');
        this.box.className = 'sello-cells';
        this.container.appendChild(this.box);
        this.cells = new Map(); // key → { wrap, input, note }
        this.value = this.value && typeof this.value === 'object' ? this.value : {};
        this.signature = '';
        const typed = event => {
          const key = event.target.dataset && event.target.dataset.selloCell;
          if (!key) return;
          this.value = Object.assign({}, this.value, { [key]: event.target.value });
          this.onChange(true);
        };
        this.box.addEventListener('input', typed);
        this.box.addEventListener('change', typed);
      }

      postBuild() {
        super.postBuild();
        hooks.sync(this);
      }

      setValue(value) {
        const given = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
        this.value = Object.assign({}, given);
        for (const [key, cell] of this.cells) cell.input.value = this.value[key] == null ? '' : String(this.value[key]);
        if (this.box) hooks.sync(this); // a figure under a key not shown yet gets its cell
        this.onChange();
      }

      /** A figure typed, pasted or reformatted into one cell. */
      setCell(key, shown) {
        this.value = Object.assign({}, this.value, { [key]: shown });
        const cell = this.cells.get(key);
        if (cell) cell.input.value = shown;
        else hooks.sync(this);
        this.onChange(true);
      }

      getValue() {
        return this.value;
      }

      getNumColumns() {
        return 6;
      }

      /**
       * plan: { columns: [{ key, label }], targets: Map key → 'entered' | 'declared' | 'blank',
       * pathOf(key, target), labelOf(key, target) }. Keys that hold a figure but name no column keep a cell of
       * their own after the columns, so nothing typed disappears when a column is renamed or removed.
       */
      layout(plan) {
        const known = new Set(plan.columns.map(c => c.key));
        const extra = Object.keys(this.value).filter(k => !known.has(k) && String(this.value[k] || '') !== '');
        const keys = plan.columns.map(c => c.key).concat(extra);
        const signature = JSON.stringify([keys, plan.columns.map(c => c.label), keys.map(k => plan.targets.get(k)), this.path]);
        heading(this, plan);
        if (signature === this.signature) return;
        this.signature = signature;
        for (const [key, cell] of this.cells) {
          if (!keys.includes(key)) { cell.wrap.remove(); this.cells.delete(key); hooks.forgetCell(this, key); }
        }
        for (const key of keys) {
          let cell = this.cells.get(key);
          if (!cell) {
            const wrap = document.createElement('div');
            const input = document.createElement('input');
            input.type = 'text';
            input.className = 'amount';
            input.setAttribute('inputmode', 'decimal');
            input.setAttribute('autocomplete', 'off');
            input.dataset.selloCell = key;
            input.dataset.a11y = '1'; // labelled here, not by editor.js's generic pass
            input.value = this.value[key] == null ? '' : String(this.value[key]);
            wrap.appendChild(input);
            cell = { wrap, input, note: null };
            this.cells.set(key, cell);
          }
          const target = plan.targets.get(key) || 'declared';
          cell.wrap.className = WIDTH + ' ' + WIDTH + '-' + target + (known.has(key) ? '' : ' ' + WIDTH + '-extra');
          cell.wrap.dataset.selloCell = key;
          cell.wrap.setAttribute('data-schemapath', plan.pathOf(key, target));
          cell.input.id = 'campo-' + plan.pathOf(key, target).replace(/[^A-Za-z0-9_-]/g, '_');
          cell.input.setAttribute('aria-label', plan.labelOf(key, target));
          cell.input.disabled = target === 'blank' && cell.input.value === '';
          if (!known.has(key)) {
            if (!cell.note) { cell.note = document.createElement('span'); cell.note.className = 'sello-cell-key'; cell.wrap.prepend(cell.note); }
            cell.note.textContent = 'clave «' + key + '»';
          } else if (cell.note) { cell.note.remove(); cell.note = null; }
          this.box.appendChild(cell.wrap); // in the columns' order
          hooks.rememberCell(this, key, cell, target);
        }
      }

      destroy() {
        hooks.forget(this);
        super.destroy();
      }
    }

    JSONEditor.defaults.editors.selloCells = CellsEditor;
    JSONEditor.defaults.resolvers.unshift(schema => (schema && schema['x-sello'] === 'cells' ? 'selloCells' : undefined));
  }

  // The grid's heading cell for the figures: the columns' headings side by side, as wide as the cells below them.
  function heading(ed, plan) {
    const td = ed.container;
    const table = td && td.closest && td.closest('table');
    if (!table || !table.tHead || td.cellIndex < 0) return;
    const th = table.tHead.rows[0] && table.tHead.rows[0].cells[td.cellIndex];
    if (!th) return;
    const signature = JSON.stringify(plan.columns);
    if (th.dataset.cells === signature) return;
    th.dataset.cells = signature;
    th.replaceChildren();
    const title = document.createElement('div');
    title.textContent = ed.getTitle();
    const legend = document.createElement('div');
    legend.className = 'sello-cells-legend';
    legend.textContent = 'En gris, lo que calcula el servicio; escriba encima para declarar la cifra del papel.';
    const heads = document.createElement('div');
    heads.className = 'sello-cells';
    for (const column of plan.columns) {
      const head = document.createElement('span');
      head.className = WIDTH + '-head';
      head.textContent = column.label;
      heads.appendChild(head);
    }
    th.append(title, legend, heads);
  }

  return { define };
})();
