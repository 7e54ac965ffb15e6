// The data-entry form of every document type, generated from the type's JSON Schema by json-editor (issue 15 §1–2).
// No code here knows a document type: presentation follows generic rules on a copy of the schema (the published
// schemas stay untouched), amounts and dates are converted by string manipulation only (money never becomes a
// JavaScript float), and every figure and error on screen comes from the server's validate.
'use strict';
const SelloForm = (() => {
  // ---- Amounts: "1.237.022,00" or "1,237,022.00" ↔ "1237022.00", strings only (never parseFloat/Number). ----
  // style 'es': '.' groups thousands and ',' marks decimals, as Bolivian forms (Formulario N.5.B) print them.
  const Amount = {
    /** The plain decimal string of what a person typed; '' for nothing; null when it is not an amount. */
    parse(text, style) {
      let s = String(text == null ? '' : text).trim().replace(/[\s\u00a0\u202f']/g, '');
      if (s === '') return '';
      if (s === '-' || s.toLowerCase() === 'n.a.') return s.toLowerCase(); // budget cells: nothing / does not apply
      let sign = '';
      if (s[0] === '-') { sign = '-'; s = s.slice(1); }
      if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
      const dots = s.split('.').length - 1, commas = s.split(',').length - 1;
      let decimal = null;
      if (dots && commas) decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
      else if (dots + commas === 1) {
        const sep = dots ? '.' : ',';
        const after = s.length - s.indexOf(sep) - 1;
        // "1.234" is ambiguous: a thousands group in es-BO, a decimal elsewhere; the type's style decides.
        if (after === 3) decimal = (style === 'es') === (sep === ',') ? sep : null;
        else decimal = sep;
      }
      const group = decimal === ',' ? '.' : decimal === '.' ? ',' : (dots ? '.' : ',');
      let whole = s, fraction = '';
      if (decimal) {
        const at = s.lastIndexOf(decimal);
        whole = s.slice(0, at); fraction = s.slice(at + 1);
        if (whole.includes(decimal) || !/^[0-9]+$/.test(fraction)) return null;
      }
      if (whole.includes(group)) {
        const groups = whole.split(group);
        if (!/^[0-9]{1,3}$/.test(groups[0]) || groups.slice(1).some(g => !/^[0-9]{3}$/.test(g))) return null;
        whole = groups.join('');
      }
      if (whole === '') whole = '0';
      if (!/^[0-9]+$/.test(whole)) return null;
      return sign + whole + (decimal ? '.' + fraction : '');
    },
    /** A plain decimal string as people read it; anything else is shown as it is. */
    format(plain, style) {
      const s = String(plain == null ? '' : plain);
      const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(s);
      if (!m) return s;
      const group = style === 'es' ? '.' : ',', decimal = style === 'es' ? ',' : '.';
      return m[1] + m[2].replace(/\B(?=([0-9]{3})+(?![0-9]))/g, group) + (m[3] !== undefined ? decimal + m[3] : '');
    }
  };

  // ---- Dates: shown and typed as dd/mm/aaaa, sent as ISO yyyy-mm-dd. ----
  const Dates = {
    parse(text) {
      const s = String(text == null ? '' : text).trim();
      if (s === '') return '';
      if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return s;
      const m = /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/.exec(s);
      return m ? m[3] + '-' + m[2].padStart(2, '0') + '-' + m[1].padStart(2, '0') : null;
    },
    format(iso) {
      const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(String(iso == null ? '' : iso));
      return m ? m[3] + '/' + m[2] + '/' + m[1] : String(iso == null ? '' : iso);
    }
  };

  /** JSON text → object, keeping every number's source text (a string): 0.1 stays "0.1", never a float. */
  function parseExact(text) {
    return JSON.parse(text, (key, value, context) =>
      typeof value === 'number' && context && typeof context.source === 'string' ? context.source : value);
  }

  // ---- The schema copy: generic presentation rules. ----
  const DEFS = '#/definitions/';
  // The one grid column that stands for a row's two maps of figures (cells.js), where a schema asks for it.
  const CELLS = '__cells';

  function prepare(original) {
    const cellLists = new Set(); // the names of the lists of columns that x-sello-cells rows refer to
    const root = JSON.parse(JSON.stringify(original));
    const defs = root.$defs || root.definitions || {};
    delete root.$defs; delete root.$id; delete root.$schema; delete root.definitions;
    const lookup = ref => (typeof ref === 'string' && /^#\/(\$defs|definitions)\//.test(ref))
      ? defs[decodeURIComponent(ref.replace(/^#\/(\$defs|definitions)\//, ''))] : undefined;
    const resolve = node => {
      for (let i = 0; node && node.$ref && i < 20; i++) {
        const target = lookup(node.$ref);
        if (!target) break;
        node = Object.assign({}, target, withoutRef(node));
      }
      return node || {};
    };
    const withoutRef = node => { const copy = Object.assign({}, node); delete copy.$ref; return copy; };
    const types = n => [].concat(n.type || []);

    // An amount: a number, or a string of digits, or a choice among those (and "-" / "n.a." markers).
    function isAmount(node) {
      const n = resolve(node);
      const branches = n.oneOf || n.anyOf;
      if (!branches || n.properties) return false;
      let numeric = false, text = false;
      for (const b of branches.map(resolve)) {
        if (types(b).some(t => t === 'number' || t === 'integer')) numeric = true;
        else if (types(b).includes('string') && /\[0-9\]|\\d/.test(b.pattern || '')) text = true;
        else if (isAmount(b)) { numeric = text = true; }
        else if (!(b.enum || 'const' in b)) return false;
      }
      return numeric && text;
    }
    const isDate = node => resolve(node).format === 'date';
    const isObject = node => { const n = resolve(node); return types(n).includes('object') || !!n.properties; };
    const onlyConstraints = b => !['type', 'properties', '$ref', 'enum', 'const', 'items', 'oneOf', 'anyOf', 'allOf']
      .some(k => k in b);

    function leaf(node, kind, hint) {
      const n = resolve(node);
      const out = { type: 'string', 'x-sello': kind, options: { inputAttributes: hint } };
      if (node.title || n.title) out.title = node.title || n.title;
      if (node.description || n.description) out.description = node.description || n.description;
      return out;
    }

    // The schemas name each choice in Spanish in x-enum-titles, one per enum value (the contract keeps plain enum);
    // json-editor shows options.enum_titles. A blank choice added above reads "—".
    function enumTitles(original, copy) {
      const titles = original['x-enum-titles'];
      if (!copy.enum || !Array.isArray(titles) || !Array.isArray(original.enum)) return;
      const byValue = new Map(original.enum.map((v, i) => [v, titles[i]]));
      copy.options = Object.assign({}, copy.options, { enum_titles: copy.enum.map(v => v === '' ? '—' : (byValue.get(v) || String(v))) });
    }

    function transform(node, required) {
      if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
      if (isAmount(node)) return leaf(node, 'amount', { inputmode: 'decimal', autocomplete: 'off', class: 'amount' });
      if (isDate(node)) return leaf(node, 'date', { placeholder: 'dd/mm/aaaa', inputmode: 'numeric', autocomplete: 'off' });
      // Counts (gestión, nivel, año) start blank instead of json-editor's 0, and are typed as text.
      if (!node.$ref && !node.enum && [].concat(node.type || []).length === 1 && ['integer', 'number'].includes(node.type)) {
        return leaf(node, 'count', { inputmode: node.type === 'integer' ? 'numeric' : 'decimal', autocomplete: 'off' });
      }
      const n = Object.assign({}, node);
      if (n.$ref) n.$ref = DEFS + n.$ref.replace(/^#\/(\$defs|definitions)\//, '');
      // The server validates; these only make json-editor draw choosers the form does not need.
      for (const k of ['if', 'then', 'else', 'not', 'propertyNames', '$schema', '$id', 'dependentSchemas']) delete n[k];
      for (const k of ['oneOf', 'anyOf']) {
        if (n[k] && n[k].every(onlyConstraints)) delete n[k];
        else if (n[k]) n[k] = n[k].map(b => transform(b, true));
      }
      if (n.allOf) n.allOf = n.allOf.map(b => transform(b, true));
      if (types(n).includes('boolean')) n.format = 'checkbox';
      // An optional choice starts blank: json-editor would otherwise pick the first value for the person.
      if (n.enum && !required && n.default === undefined) n.enum = [''].concat(n.enum.filter(v => v !== ''));
      enumTitles(node, n);
      if (n.properties) {
        const req = n.required || [];
        n.properties = Object.fromEntries(Object.entries(n.properties).map(([key, child]) => {
          const t = transform(child, req.includes(key));
          if (key === '$schema') t.options = Object.assign({}, t.options, { hidden: true });
          return [key, t];
        }));
        n.defaultProperties = Object.keys(n.properties);
        cellsColumn(node['x-sello-cells'], n);
      }
      if (n.additionalProperties && typeof n.additionalProperties === 'object') {
        n.additionalProperties = transform(n.additionalProperties, true);
        // A map (budget cells by column key): the person adds keys, so its "Propiedades" button stays.
        if (!n.properties) n.options = Object.assign({}, n.options, { disable_properties: false });
      }
      if (!required && resolve(n).properties && isObject(n) && !(n.options && n.options.hidden)) {
        n.options = Object.assign({}, n.options, { collapsed: true });
      }
      if (n.items && !Array.isArray(n.items)) {
        const item = resolve(n.items);
        n.items = transform(n.items, true);
        // Rows of a paper table edit as a grid; an item holding two or more lists of rows (a budget table with
        // its columns and rows, a section with blocks and subsections) is too big for a cell and stays a card.
        if (isObject(item) && item.properties) {
          const nestedLists = Object.values(item.properties).filter(p => {
            const r = resolve(p), inner = r.items && resolve(r.items);
            return inner && (isObject(inner) || inner.oneOf || inner.anyOf);
          }).length;
          if (nestedLists <= 1) n.format = 'table';
        }
      }
      return n;
    }

    // A row whose schema carries x-sello-cells edits its figures as one column of cells (cells.js) where the
    // entered and the declared maps were: toData puts each figure back in the map the row and its column call for.
    function cellsColumn(spec, n) {
      const entered = spec && n.properties[spec.entered];
      if (!entered) return;
      const props = {};
      for (const [key, child] of Object.entries(n.properties)) {
        if (key === spec.entered) {
          props[CELLS] = { type: 'object', 'x-sello': 'cells', 'x-sello-cells': spec, title: spec.title || entered.title,
            additionalProperties: entered.additionalProperties };
        } else if (key !== spec.declared) props[key] = child;
      }
      n.properties = props;
      n.defaultProperties = Object.keys(props);
      cellLists.add(spec.columns);
    }

    const out = transform(root, true);
    out.definitions = Object.fromEntries(Object.entries(defs).map(([k, v]) => [k, transform(v, true)]));
    // Resolves a node of the copy (its refs point into the copy's definitions).
    const resolveCopy = node => {
      for (let i = 0; node && node.$ref && i < 20; i++) {
        const target = out.definitions[decodeURIComponent(node.$ref.slice(DEFS.length))];
        if (!target) break;
        node = Object.assign({}, target, withoutRef(node));
      }
      return node || {};
    };

    // Grids like the paper: in a grid row, a small object of plain fields (programmed: T.G.N. and otras fuentes)
    // becomes columns of its own ("programmed__tgn"), as the form prints them side by side. toData/toDisplay put
    // the values back where the schema has them (x-sello-at).
    const isLeaf = r => !!r['x-sello'] || (!r.properties && !r.items && !types(r).some(t => t === 'object' || t === 'array'));
    const flattenable = r => !!r.properties && !(r.additionalProperties && typeof r.additionalProperties === 'object')
      && Object.values(r.properties).every(p => { const c = resolveCopy(p); return isLeaf(c) || flattenable(c); });
    function flatItem(item) {
      const props = {}, flatRequired = {}, required = (item.required || []).slice();
      const addLeaves = (r, path, chainRequired, title) => {
        flatRequired[path.join('.')] = chainRequired;
        for (const [c, p] of Object.entries(r.properties)) {
          const cr = resolveCopy(p);
          const must = chainRequired && (r.required || []).includes(c);
          const t = title + ' · ' + (p.title || cr.title || c);
          if (!isLeaf(cr)) { addLeaves(cr, path.concat(c), must, t); continue; }
          const leafSchema = Object.assign({}, cr, { title: t, 'x-sello-at': path.concat(c), 'x-sello-req': must });
          if (p.description || cr.description) leafSchema.description = p.description || cr.description;
          if (leafSchema.enum && !must && !leafSchema.enum.includes('') && leafSchema.default === undefined) leafSchema.enum = [''].concat(leafSchema.enum);
          enumTitles(cr, leafSchema);
          const key = path.concat(c).join('__');
          props[key] = leafSchema;
          if (must) required.push(key);
        }
      };
      for (const [k, p] of Object.entries(item.properties)) {
        const r = resolveCopy(p);
        if (!isLeaf(r) && flattenable(r)) addLeaves(r, [k], required.includes(k), p.title || r.title || k);
        else props[k] = p;
      }
      return Object.assign({}, item, { properties: props, required: required.filter(k => k in props),
        defaultProperties: Object.keys(props), 'x-sello-flat': flatRequired });
    }
    const visited = new Set();
    function flattenTables(node) {
      if (!node || typeof node !== 'object' || visited.has(node)) return;
      visited.add(node);
      if (Array.isArray(node)) { node.forEach(flattenTables); return; }
      if (node.format === 'table' && node.items && !node.items.$ref && node.items.properties) node.items = flatItem(node.items);
      for (const k of ['properties', 'definitions']) if (node[k]) Object.values(node[k]).forEach(flattenTables);
      for (const k of ['items', 'additionalProperties', 'oneOf', 'anyOf', 'allOf']) if (node[k]) flattenTables(node[k]);
    }
    flattenTables(out);
    return { schema: out, resolve: resolveCopy, cellLists: Array.from(cellLists) };
  }

  // ---- The editor's values (what people see) ↔ the document's data (what the API takes). ----
  function branch(n, value, resolve) {
    const options = n.oneOf || n.anyOf;
    if (!options || !value || typeof value !== 'object') return n;
    const keys = Object.keys(value);
    return options.map(resolve).find(b => b.properties && keys.every(k => k in b.properties)) || n;
  }
  function childOf(n, key) {
    if (n.properties && n.properties[key]) return n.properties[key];
    return n.additionalProperties && typeof n.additionalProperties === 'object' ? n.additionalProperties : {};
  }
  // Whether an optional part holds anything the person typed: a choice alone (json-editor preselects them) does not.
  function meaningful(value, node, resolve) {
    const n = resolve(node);
    // A choice counts when the person made it: optional choices start blank, required ones come preselected.
    if (n.enum) return value !== '' && value != null && n.enum.includes('');
    if (typeof value === 'string') return value.trim() !== '';
    if (typeof value === 'number') return true;
    if (typeof value === 'boolean') return value;
    if (Array.isArray(value)) return value.some(v => meaningful(v, n.items || {}, resolve));
    if (value && typeof value === 'object') {
      const b = branch(n, value, resolve);
      return Object.entries(value).some(([k, v]) => meaningful(v, childOf(b, k), resolve));
    }
    return false;
  }
  function toData(value, node, required, ctx) {
    const n = ctx.resolve(node);
    const kind = n['x-sello'];
    if (kind === 'count') { // whole numbers and widths, never money: the typed digits become a JSON number
      const t = String(value == null ? '' : value).trim();
      if (t === '') return required ? null : undefined;
      return /^-?[0-9]+(\.[0-9]+)?$/.test(t) ? Number(t) : t;
    }
    if (kind === 'amount' || kind === 'date') {
      const parsed = kind === 'amount' ? Amount.parse(value, ctx.style) : Dates.parse(value);
      if (parsed === '') return required ? '' : undefined;
      return parsed === null ? String(value).trim() : parsed; // not understood: sent as typed, the server says why
    }
    if (Array.isArray(value)) return value.map(v => toData(v, n.items || {}, true, ctx));
    if (value && typeof value === 'object') {
      const b = branch(n, value, ctx.resolve);
      const outerColumns = ctx.columns;
      try {
        // The columns of a table whose rows edit their figures as cells: read once, as the API takes them.
        for (const name of ctx.cellLists || []) {
          if (Array.isArray(value[name]) && b.properties && b.properties[name]) ctx.columns = toData(value[name], b.properties[name], true, ctx);
        }
        return objectData(value, b, ctx);
      } finally {
        ctx.columns = outerColumns;
      }
    }
    if (!required && value === '') return undefined;
    return value;
  }
  function objectData(value, b, ctx) {
    const req = b.required || [];
    const out = {};
    let cells = null;
    for (const [key, v] of Object.entries(value)) {
      const child = childOf(b, key), must = req.includes(key);
      if (child['x-sello'] === 'cells') { cells = { spec: child['x-sello-cells'], figures: toData(v, child, false, ctx) }; continue; }
      if (child['x-sello-at']) { // a grid column standing for a field of a small object
        const c = toData(v, child, child['x-sello-req'], ctx);
        if (c === undefined) continue;
        let at = out;
        child['x-sello-at'].slice(0, -1).forEach(seg => { at = at[seg] = at[seg] || {}; });
        at[child['x-sello-at'].slice(-1)[0]] = c;
        continue;
      }
      if (!must && !meaningful(v, child, ctx.resolve)) continue; // left blank (or unticked): absent
      const c = toData(v, child, must, ctx);
      if (c === undefined || (c === null && !must)) continue;
      out[key] = c;
    }
    if (b['x-sello-flat']) { // small objects: optional ones left blank go, required ones stay (the server names what is missing)
      Object.entries(b['x-sello-flat']).sort((x, y) => y[0].length - x[0].length).forEach(([path, must]) => {
        const segs = path.split('.');
        let parent = out;
        for (const seg of segs.slice(0, -1)) parent = parent && parent[seg];
        const last = segs[segs.length - 1];
        if (!parent || typeof parent !== 'object') return;
        if (parent[last] === undefined && must) parent[last] = {};
        else if (parent[last] && Object.keys(parent[last]).length === 0 && !must) delete parent[last];
      });
    }
    if (cells && cells.figures) {
      const target = cellTarget(out, cells.spec, ctx.columns);
      for (const [key, figure] of Object.entries(cells.figures)) {
        const map = target(key) === 'entered' ? cells.spec.entered : cells.spec.declared;
        (out[map] = out[map] || {})[key] = figure;
      }
    }
    return out;
  }
  /**
   * Where a row's figure for a column goes, by the schema's x-sello-cells: a row that is none of enteredUnless
   * (an item of a budget table) enters the figures of its input columns; every other figure it shows is declared
   * (computed columns, and groups, subtotals and totals). A blankRow (a heading) has none: a figure typed there
   * is sent as declared, and the server says at its cell that a heading declares nothing.
   */
  function cellTarget(rowData, spec, columns) {
    const has = k => rowData[k] !== undefined && rowData[k] !== false;
    const blank = has(spec.blankRow);
    const entering = !(spec.enteredUnless || []).some(has);
    const computed = new Set((columns || []).filter(c => c && (spec.computedIf || []).some(k => c[k] !== undefined)).map(c => c[spec.key]));
    return key => (blank ? 'blank' : entering && !computed.has(key) ? 'entered' : 'declared');
  }
  function toDisplay(value, node, ctx) {
    const n = ctx.resolve(node);
    const kind = n['x-sello'];
    if (kind === 'amount') return value == null ? '' : Amount.format(String(value), ctx.style);
    if (kind === 'date') return value == null ? '' : Dates.format(value);
    if (kind === 'count') return value == null ? '' : String(value);
    if (Array.isArray(value)) return value.map(v => toDisplay(v, n.items || {}, ctx));
    if (value && typeof value === 'object') {
      const b = branch(n, value, ctx.resolve);
      const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDisplay(v, childOf(b, k), ctx)]));
      if (b['x-sello-flat']) {
        for (const [key, child] of Object.entries(b.properties)) {
          if (!child['x-sello-at']) continue;
          let v = value;
          for (const seg of child['x-sello-at']) v = v == null ? undefined : v[seg];
          if (v !== undefined) out[key] = toDisplay(v, child, ctx);
        }
        Object.keys(b['x-sello-flat']).forEach(path => { if (!path.includes('.')) delete out[path]; });
      }
      const cells = b.properties && b.properties[CELLS];
      if (cells) { // both maps of figures become the row's one set of cells
        const spec = cells['x-sello-cells'], shown = {};
        for (const map of [spec.entered, spec.declared]) {
          for (const [key, figure] of Object.entries(value[map] && typeof value[map] === 'object' ? value[map] : {})) {
            if (!(key in shown)) shown[key] = Amount.format(String(figure), ctx.style);
          }
          delete out[map];
        }
        out[CELLS] = shown;
      }
      return out;
    }
    // Not money: counts and widths read exactly from the JSON text (parseExact) become numbers again.
    const t = [].concat(n.type || []);
    if (typeof value === 'string' && (t.includes('integer') || t.includes('number')) && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) {
      return Number(value);
    }
    return value;
  }

  // ---- json-editor in Spanish. ----
  function spanish() {
    JSONEditor.defaults.languages.es = {
      error_notset: 'Falta este dato', error_notempty: 'Dato obligatorio', error_enum: 'Elija uno de los valores',
      error_type: 'Debe ser de tipo {{0}}', error_pattern: 'Formato no válido', error_required: "Falta «{{0}}»",
      error_minLength: 'Debe tener al menos {{0}} caracteres', error_maxLength: 'Debe tener como mucho {{0}} caracteres',
      error_minItems: 'Debe tener al menos {{0}} filas', error_maxItems: 'Debe tener como mucho {{0}} filas',
      error_minimum_incl: 'Debe ser como mínimo {{0}}', error_maximum_incl: 'Debe ser como máximo {{0}}',
      error_date: 'La fecha debe tener el formato {{0}}',
      button_add_row_title: 'Añadir fila', button_move_down_title: 'Bajar', button_move_up_title: 'Subir',
      button_delete_row_title: 'Eliminar', button_delete_row_title_short: 'Eliminar',
      button_copy_row_title: 'Copiar', button_copy_row_title_short: 'Copiar',
      button_collapse: 'Contraer', button_expand: 'Desplegar', button_properties: 'Añadir clave',
      button_object_properties: 'Claves', button_add: 'Añadir', button_save: 'Guardar', button_cancel: 'Cancelar',
      button_copy: 'Copiar', button_delete_all: 'Todas', button_delete_all_title: 'Eliminar todas',
      button_delete_last: 'Última', button_delete_last_title: 'Eliminar la última', button_edit_json: 'Editar JSON',
      default_array_item_title: 'fila', button_delete_node_warning: '¿Eliminar esta fila?', table_controls: 'Acciones',
      paste_max_length_reached: 'El texto pegado supera {{0}} caracteres y se recorta.'
    };
    JSONEditor.defaults.language = 'es';
  }

  const pathOf = pointer => 'root' + pointer.split('/').slice(1)
    .map(s => '.' + s.replace(/~1/g, '/').replace(/~0/g, '~')).join('');
  const safeId = text => String(text).replace(/[^A-Za-z0-9_-]/g, '_');

  /**
   * Builds the form in holder and wires it. opts: type, schema (the published one), style ('es' or 'en'),
   * validate(data) → Promise of the validate answer (or null), report (the panels' elements).
   */
  function mount(holder, opts) {
    spanish();
    const Abstract = JSONEditor.AbstractEditor.prototype;
    if (!Abstract.__selloBulkAware) {
      const change = Abstract.change;
      Abstract.change = function (eventData) { if (!(this.jsoneditor && this.jsoneditor.__selloBulk)) change.call(this, eventData); };
      Abstract.__selloBulkAware = true;
    }
    const prepared = prepare(opts.schema);
    const ctx = { resolve: prepared.resolve, style: opts.style, cellLists: prepared.cellLists };
    // Budget rows' cells (cells.js): each cell stands in for a field editor, found by its data-schemapath.
    const cellsEditors = new Set(), cellIndex = new Map(), cellPaths = new Map();
    const AMOUNT = { 'x-sello': 'amount' };
    SelloCells.define(JSONEditor, {
      sync: ed => { cellsEditors.add(ed); syncCells(ed, new Map()); },
      forget: ed => { cellsEditors.delete(ed); (cellPaths.get(ed) || new Map()).forEach(path => cellIndex.delete(path)); cellPaths.delete(ed); },
      forgetCell: (ed, key) => { const paths = cellPaths.get(ed); if (paths && paths.has(key)) { cellIndex.delete(paths.get(key)); paths.delete(key); } },
      rememberCell: (ed, key, cell, target) => {
        const paths = cellPaths.get(ed) || new Map();
        cellPaths.set(ed, paths);
        if (paths.has(key)) cellIndex.delete(paths.get(key));
        const path = cell.wrap.getAttribute('data-schemapath');
        paths.set(key, path);
        cellIndex.set(path, { path, key, target, cells: ed, container: cell.wrap, input: cell.input, schema: AMOUNT,
          setValue: shown => ed.setCell(key, shown), getTitle: () => cell.input.getAttribute('aria-label') });
      }
    });
    const editor = new JSONEditor(holder, {
      schema: prepared.schema, theme: 'html', iconlib: null, disable_edit_json: true, disable_properties: true,
      disable_array_delete_all_rows: true, disable_array_delete_last_row: true, prompt_before_delete: false,
      show_errors: 'never', no_additional_properties: true, use_default_values: true, form_name_root: 'root',
      array_controls_top: false, enable_array_copy: true, object_layout: 'grid'
    });
    const listeners = [];
    let ready;
    const isReady = new Promise(resolve => { ready = resolve; });
    editor.on('ready', () => {
      // json-editor's own checks are not shown (the server's are): skip its whole-document validation per change.
      if (editor.validator) editor.validator.validate = () => [];
      ready();
    });

    // Long lists load in steps (docs/benchmarks.md, seed 000's 42 activities): the first rows are built at once, the
    // rest in short tasks after it, so the page shows and answers input within a second instead of building some
    // 650 inputs in one go. Until every row is built, getData adds the rows still waiting, so nothing is lost; a
    // button or a paste in the form first builds them all (adding, moving or pasting rows acts on the whole list).
    const FIRST_ROWS = 5, STEP_MS = 30;
    let waiting = null; // { key: rows still to build } while a load is in progress
    let builtResolve = null, built = Promise.resolve();
    const getData = () => {
      let value = editor.getValue();
      if (waiting) {
        value = Object.assign({}, value);
        for (const [key, rows] of Object.entries(waiting)) value[key] = (value[key] || []).concat(rows);
      }
      return toData(value, prepared.schema, true, ctx);
    };
    const setData = obj => {
      armed = true;
      const display = toDisplay(obj, prepared.schema, ctx);
      const later = {};
      if (display && typeof display === 'object' && !Array.isArray(display)) {
        for (const [key, rows] of Object.entries(display)) {
          const list = editor.getEditor('root.' + key);
          if (Array.isArray(rows) && rows.length > FIRST_ROWS && list && typeof list.addRow === 'function' && list.rows) {
            later[key] = rows.slice(FIRST_ROWS).map(row => inSchemaOrder(row, list.schema.items));
            display[key] = rows.slice(0, FIRST_ROWS);
          }
        }
      }
      waiting = null; // a load still in progress is replaced
      bulk(() => editor.setValue(display), Object.keys(later).length === 0);
      if (Object.keys(later).length === 0) { timings.built = performance.now(); if (builtResolve) { builtResolve(); builtResolve = null; } return; }
      waiting = later;
      relabel();
      if (!builtResolve) built = new Promise(resolve => { builtResolve = resolve; });
      setTimeout(() => buildWaiting(STEP_MS), 0);
    };
    // Rows still waiting carry their fields in the order json-editor gives them (the schema's), so that getData's
    // JSON does not change when they are built (drafts.js compares it with what was saved).
    function inSchemaOrder(value, node) {
      const n = ctx.resolve(node || {});
      if (Array.isArray(value)) return value.map(v => inSchemaOrder(v, n.items));
      if (!value || typeof value !== 'object') return value;
      const b = branch(n, value, ctx.resolve);
      const keys = Object.keys(b.properties || {}).filter(k => k in value).concat(Object.keys(value).filter(k => !(b.properties && k in b.properties)));
      return Object.fromEntries(keys.map(k => [k, inSchemaOrder(value[k], childOf(b, k))]));
    }
    const timings = { longestStep: 0 };
    // Builds waiting rows for about budget ms (all of them when budget is Infinity), then yields to the page.
    function buildWaiting(budget) {
      if (!waiting) return;
      const start = performance.now();
      // A row set through addRow already holds its value (each object and grid refreshes itself when set), so only
      // the list and the root are refreshed here, not every editor as bulk does.
      editor.__selloBulk = true;
      try {
        for (const [key, rows] of Object.entries(waiting)) {
          const list = editor.getEditor('root.' + key);
          while (rows.length && performance.now() - start < budget) list.addRow(rows.shift());
          list.refreshValue();
          list.refreshRowButtons();
          if (!rows.length) delete waiting[key];
          if (performance.now() - start >= budget) break;
        }
      } finally {
        editor.__selloBulk = false;
        editor.root.refreshValue();
      }
      timings.longestStep = Math.max(timings.longestStep, performance.now() - start);
      relabel();
      if (Object.keys(waiting).length) { if (budget !== Infinity) setTimeout(() => buildWaiting(STEP_MS), 0); return; }
      waiting = null;
      editor.root.onChange(true); // the whole list is in place: one change, as for a load in one go
      timings.built = performance.now();
      if (builtResolve) { builtResolve(); builtResolve = null; }
    }
    const finishLoading = () => { if (waiting) buildWaiting(Infinity); };
    holder.addEventListener('click', event => { if (waiting && event.target.closest('button')) finishLoading(); }, true);
    holder.addEventListener('paste', () => finishLoading(), true);
    // Many values at once (loading a document, pasting a block): json-editor re-reads the whole document after each
    // field it sets, which is quadratic (seconds for the 42 activities of seed 000). Changes are held back while
    // the values go in, then every editor is refreshed once, deepest first, and one change is announced.
    function bulk(work, announce = true) {
      editor.__selloBulk = true;
      try { work(); } finally {
        editor.__selloBulk = false;
        // Only editors holding others need refreshing (a field's value is its own); depth is counted once per editor.
        Object.values(editor.editors)
          .filter(e => e && e.path && typeof e.refreshValue === 'function' && (e.rows || e.editors))
          .map(e => [e.path.split('.').length, e]).sort((a, b) => b[0] - a[0])
          .forEach(([, e]) => e.refreshValue());
        syncAllCells(); // rows set in bulk may have changed kind, or their table its columns
        if (announce) editor.root.onChange(true);
      }
    }
    // A field's editor by its json-editor path, or the stand-in of a budget row's cell (cells.js).
    const fieldAt = path => editor.getEditor(path) || cellIndex.get(path) || null;
    const editorAt = el => {
      const box = el && el.closest('[data-schemapath]');
      return box ? fieldAt(box.getAttribute('data-schemapath')) : null;
    };

    // Lays out one row's cells: the table's columns (as the API takes them), and for each the map its figure goes to.
    function syncCells(ed, cache) {
      const spec = ed.schema && ed.schema['x-sello-cells'];
      const row = ed.parent, table = row && row.parent && row.parent.parent;
      if (!spec || !ed.box || !table || !row.editors) return;
      let columns = cache.get(table.path);
      if (!columns) {
        const list = editor.getEditor(table.path + '.' + spec.columns);
        const data = list ? toData(list.getValue() || [], list.schema, true, ctx) : [];
        columns = (Array.isArray(data) ? data : []).filter(c => c && typeof c[spec.key] === 'string' && c[spec.key] !== '');
        cache.set(table.path, columns);
      }
      // The row's own fields as they are now (its cached value may be older while a load is setting them).
      const rowValue = {};
      for (const [key, child] of Object.entries(row.editors)) if (key !== CELLS && child) rowValue[key] = child.getValue();
      const target = cellTarget(toData(rowValue, row.schema, true, ctx) || {}, spec, columns);
      const keys = columns.map(c => c[spec.key]).concat(Object.keys(ed.value || {}));
      const headings = new Map(columns.map(c => [c[spec.key], c[spec.label] || c[spec.key]]));
      const where = describe(row.path);
      ed.layout({
        columns: columns.map(c => ({ key: c[spec.key], label: headings.get(c[spec.key]) })),
        targets: new Map(keys.map(k => [k, target(k)])),
        pathOf: (key, t) => row.path + '.' + (t === 'entered' ? spec.entered : spec.declared) + '.' + key,
        labelOf: (key, t) => where + ' › ' + (headings.get(key) || key) + (t === 'entered' ? '' : ' (cifra declarada)')
      });
    }
    let syncing = 0;
    const syncAllCells = () => { const cache = new Map(); cellsEditors.forEach(ed => syncCells(ed, cache)); };
    const resync = () => { if (!syncing && cellsEditors.size) syncing = requestAnimationFrame(() => { syncing = 0; syncAllCells(); }); };
    const kindOf = ed => ed && ed.schema ? ctx.resolve(ed.schema)['x-sello'] : undefined;

    // Amounts and dates are shown back in the type's style when the person leaves the field.
    holder.addEventListener('focusout', event => {
      const ed = editorAt(event.target);
      const kind = kindOf(ed);
      if (!kind || !(event.target instanceof HTMLInputElement)) return;
      const typed = event.target.value;
      const parsed = kind === 'amount' ? Amount.parse(typed, ctx.style) : Dates.parse(typed);
      if (parsed === null || parsed === '') return;
      const shown = kind === 'amount' ? Amount.format(parsed, ctx.style) : Dates.format(parsed);
      if (shown !== typed) ed.setValue(shown);
    });

    // Paste from a spreadsheet: tab-separated cells fill the grid from the cell pasted into, adding rows as needed.
    holder.addEventListener('paste', event => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text || !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
      const cell = event.target.closest('td');
      const row = cell && cell.closest('tr');
      const rowEditor = row && editorAt(row);
      const table = rowEditor && rowEditor.parent;
      if (!table || !Array.isArray(table.rows)) return;
      event.preventDefault();
      paste(text, table, rowEditor, event.target);
    });

    function columnsOf(rowEditor) {
      // The inputs of a row in on-screen order, leaving out those of grids nested in its cells.
      const tr = rowEditor.container.tagName === 'TR' ? rowEditor.container : rowEditor.container.closest('tr');
      const rowPath = rowEditor.path;
      return Array.from(tr.querySelectorAll('input:not([type=hidden]), select, textarea'))
        .filter(el => el.closest('tr') === tr && el.offsetParent !== null)
        .map(el => relativePath(el, rowPath));
    }
    // A cell of a budget row is named by its key under the row's cells, whichever map its figure goes to in that row.
    function relativePath(el, rowPath) {
      if (el.dataset && el.dataset.selloCell) return '.' + CELLS + '#' + el.dataset.selloCell;
      return el.closest('[data-schemapath]').getAttribute('data-schemapath').slice(rowPath.length);
    }

    function paste(text, table, rowEditor, target) {
      const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map(l => l.split('\t'));
      const columns = columnsOf(rowEditor);
      const startRow = Number(rowEditor.key);
      const startCol = columns.indexOf(relativePath(target, rowEditor.path));
      const needed = startRow + lines.length;
      bulk(() => {
      const value = table.getValue().slice(); // getValue is json-editor's own array: never grow it in place
      while (value.length < needed) value.push(table.getItemDefault());
      if (value.length !== table.getValue().length) table.setValue(value);
      lines.forEach((cells, i) => cells.forEach((cell, j) => {
        const rel = columns[startCol + j];
        if (rel === undefined) return; // more columns than the grid has: the rest is ignored
        const [at, key] = rel.split('#');
        const ed = editor.getEditor(table.path + '.' + (startRow + i) + at);
        if (!ed) return;
        const kind = key ? 'amount' : kindOf(ed);
        let shown = cell.trim();
        if (kind === 'amount') { const p = Amount.parse(shown, ctx.style); if (p) shown = Amount.format(p, ctx.style); }
        if (kind === 'date') { const p = Dates.parse(shown); if (p) shown = Dates.format(p); }
        if (key) ed.setCell(key, shown);
        else if (ed.schema.format === 'checkbox') ed.setValue(/^(1|s[ií]|x|true|verdadero)$/i.test(shown));
        else ed.setValue(shown);
      }));
      });
      opts.status && opts.status('Pegadas ' + lines.length + ' filas × ' + Math.max(...lines.map(l => l.length)) + ' columnas.');
    }

    // Accessibility pass: json-editor's grid cells have no label of their own, and its icon buttons no text.
    function label() {
      const pending = Array.from(holder.querySelectorAll('input:not([data-a11y]), select:not([data-a11y]), textarea:not([data-a11y])'));
      for (const el of pending) {
        if (el.type === 'hidden') continue;
        el.setAttribute('data-a11y', '1');
        const box = el.closest('[data-schemapath]');
        if (!box) continue;
        const path = box.getAttribute('data-schemapath');
        if (!el.id) el.id = 'campo-' + safeId(path);
        const own = box.querySelector('label');
        if (own && own.closest('[data-schemapath]') === box) { if (!own.contains(el)) own.htmlFor = el.id; }
        else el.setAttribute('aria-label', describe(path));
      }
      // json-editor's checkbox gives its help text the same id twice (root[…]-description): aria-describedby must
      // point at one element, so the later copies lose the id.
      const seen = new Set();
      for (const el of holder.querySelectorAll('[id$="-description"]')) {
        if (seen.has(el.id)) el.removeAttribute('id'); else seen.add(el.id);
      }
      for (const button of holder.querySelectorAll('button:not([data-a11y])')) {
        button.setAttribute('data-a11y', '1');
        button.type = 'button';
        if (!button.textContent.trim()) button.textContent = button.title || 'Acción';
      }
    }
    // "actividades › fila 4 › líneas › fila 2 › T.G.N.": titles are looked up once per place in the schema.
    const titles = new Map();
    function describe(path) {
      if (cellIndex.has(path)) return cellIndex.get(path).getTitle();
      const parts = [];
      let at = 'root';
      for (const seg of path.split('.').slice(1)) {
        at += '.' + seg;
        if (/^[0-9]+$/.test(seg)) { parts.push('fila ' + (Number(seg) + 1)); continue; }
        const shape = at.replace(/\.[0-9]+(?=\.|$)/g, '.#');
        if (!titles.has(shape)) { const ed = editor.getEditor(at); titles.set(shape, ed ? ed.getTitle() : seg); }
        parts.push(titles.get(shape));
      }
      return parts.join(' › ');
    }
    let labelling = 0;
    const relabel = () => { if (!labelling) labelling = requestAnimationFrame(() => { labelling = 0; label(); }); };

    // ---- Live feedback from the server's validate: errors, mismatches and computed figures at their fields. ----
    // The blank form is not checked until the person types in it (or data is loaded): a wall of "required" errors
    // before anything was typed helps no one.
    let timer = 0, sequence = 0, shownPointers = new Set(), armed = false;
    holder.addEventListener('input', () => { armed = true; });
    holder.addEventListener('change', () => { armed = true; document.body.dataset.validation = 'pending'; });
    editor.on('change', () => {
      relabel();
      resync(); // a row that became a subtotal, a column renamed: cells follow
      if (!armed) return;
      listeners.forEach(cb => { try { cb(); } catch (e) { console.error(e); } });
      sequence++; // an answer still on its way is about older data: it is not shown
      clearTimeout(timer);
      timer = setTimeout(check, 400);
      document.body.dataset.validation = 'pending';
    });

    async function check() {
      const mine = ++sequence;
      const answer = await opts.validate(getData());
      await built; // errors are shown at their fields once every row is there
      if (mine !== sequence) return; // a later edit already asked again
      show(answer);
      document.body.dataset.validation = 'done';
      document.body.dataset.validationCount = String(mine);
    }

    // A JSON pointer → the editor that shows it (root.a.0.b), through grid columns that join fields (a__b).
    function locate(pointer) {
      const segs = pointer.split('/').slice(1).map(x => x.replace(/~1/g, '/').replace(/~0/g, '~'));
      let path = 'root', i = 0;
      while (i < segs.length) {
        let next = null;
        for (let j = i; j < segs.length && !next; j++) {
          const candidate = path + '.' + segs.slice(i, j + 1).join('__');
          const dotted = path + '.' + segs.slice(i, j + 1).join('.');
          if (editor.getEditor(candidate)) { next = candidate; i = j + 1; }
          else if (cellIndex.has(dotted)) { next = dotted; i = j + 1; }
        }
        if (!next) break;
        path = next;
      }
      return { editor: fieldAt(path), exact: i === segs.length };
    }
    const place = pointer => locate(pointer).editor || editor.getEditor('root');
    function near(ed) {
      const box = ed.container;
      return box.tagName === 'TR' ? box.cells[0] : box;
    }
    function inputOf(ed) { return ed.input || (ed.container && ed.container.querySelector('input, select, textarea')); }

    function show(answer) {
      const r = opts.report;
      holder.querySelectorAll('.sello-msg, .sello-figure').forEach(n => n.remove());
      cellIndex.forEach(c => { if (c.input.placeholder) { c.input.placeholder = ''; c.input.removeAttribute('title'); } });
      holder.querySelectorAll('[aria-invalid]').forEach(n => { n.removeAttribute('aria-invalid'); n.removeAttribute('aria-describedby'); });
      r.summary.innerHTML = ''; r.figures.innerHTML = '';
      if (!answer) return;
      const items = [];
      (answer.errors || []).forEach(e => items.push({ pointer: e.pointer, text: e.message, kind: 'error' }));
      (answer.mismatches || []).forEach(m => items.push({ pointer: m.pointer, kind: m.classification === 'rounding' ? 'redondeo' : 'error',
        text: (m.classification === 'rounding' ? 'redondeo' : 'error') + ': declarado ' + Amount.format(m.declared, ctx.style)
          + ', calculado ' + Amount.format(m.computed, ctx.style), mismatch: true }));
      (answer.warnings || []).forEach(w => { if (!(answer.mismatches || []).some(m => m.pointer === w.pointer)) items.push({ pointer: w.pointer, text: w.message, kind: 'aviso' }); });
      let first = null;
      const now = new Set();
      items.forEach((item, i) => {
        const ed = place(item.pointer || '');
        const id = 'msg-' + i;
        const msg = document.createElement('div');
        msg.className = 'sello-msg sello-' + item.kind;
        msg.id = id;
        msg.dataset.pointer = item.pointer || '';
        if (item.mismatch) {
          const mark = document.createElement('strong');
          mark.className = 'mark';
          Sello.text(mark, item.kind);
          msg.appendChild(mark);
          msg.appendChild(document.createTextNode(item.text.slice(item.kind.length)));
        } else Sello.text(msg, item.text);
        near(ed).appendChild(msg);
        const input = inputOf(ed);
        if (input && item.kind === 'error') {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + id).trim());
        }
        const li = document.createElement('li');
        li.className = 'sello-' + item.kind;
        const link = document.createElement('a');
        link.href = '#' + id;
        Sello.text(link, describe(ed.path) || 'Documento');
        link.onclick = event => { event.preventDefault(); msg.scrollIntoView({ block: 'center' }); (input || msg).focus(); };
        li.appendChild(link);
        li.appendChild(document.createTextNode(': ' + item.text));
        r.summary.appendChild(li);
        now.add(item.pointer + item.text);
        if (!first && item.kind !== 'aviso' && !shownPointers.has(item.pointer + item.text)) first = msg;
      });
      shownPointers = now;
      if (first) first.scrollIntoView({ block: 'nearest' });
      r.summaryBox.hidden = items.length === 0;
      r.verdict(answer.valid, items);

      // The server's figures (issue 15 §2): shown as printed, never worked out here.
      const figures = answer.figures || [];
      // Where a declared figure differs from the computed one by rounding alone, the document prints the declared one
      // (issue 13): the figure is then what is printed, and the mismatch beside it gives the computed one.
      const differing = new Set((answer.mismatches || []).map(m => m.pointer));
      r.figuresBox.hidden = figures.length === 0;
      figures.forEach(f => {
        const li = document.createElement('li');
        li.dataset.pointer = f.pointer;
        li.id = 'cifra-' + safeId(f.pointer);
        const name = document.createElement('span');
        Sello.text(name, f.label + ': ');
        const value = document.createElement('strong');
        Sello.text(value, f.printed);
        li.append(name, value);
        r.figures.appendChild(li);
        const found = locate(f.pointer);
        const ed = found.exact ? found.editor : null;
        if (ed && ed.cells && ed.input.value === '') {
          // An empty cell of a computed figure shows it in grey: what the document prints unless a figure is typed.
          ed.input.placeholder = f.printed;
          ed.input.title = 'Calculado: ' + f.printed;
        } else if (ed && ed.cells && !differing.has(f.pointer)) {
          // a figure typed in a cell that the document prints as typed: nothing to add beside it
        } else if (ed) {
          const beside = document.createElement('div');
          beside.className = 'sello-figure';
          beside.dataset.pointer = f.pointer;
          Sello.text(beside, (differing.has(f.pointer) ? 'Se imprime: ' : 'Calculado: ') + f.printed);
          near(ed).appendChild(beside);
        }
      });
    }

    isReady.then(() => { label(); });
    return {
      editor, getData, setData, ready: isReady, check, show, timings, built: () => built,
      onChange: cb => listeners.push(cb),
      titleOf: path => { const ed = editor.getEditor(path); return ed && ed.schema && ed.schema.title || null; },
      checkNow: () => { armed = true; clearTimeout(timer); return check(); }
    };
  }

  return { Amount, Dates, parseExact, prepare, mount, toData, toDisplay };
})();
