/*
 * The dashboard's district map: a tile grid of NRW's 53 districts (GET /api/v1/map/sites places them), each tile
 * coloured by the chosen measure of its KI this quarter, read from the public aggregates API with the page's session
 * (so the public sees small counts of people withheld, the LaKI exact ones). Every tile also shows the legend's step
 * as a digit or letter, so nothing depends on colour alone; the table beneath holds the same numbers. One tab stop:
 * the arrow keys move between tiles, Enter or Space names the tile's figures.
 */
(function () {
    'use strict';

    const byId = (id) => document.getElementById(id);
    const numberFormat = new Intl.NumberFormat('de-DE');
    const rateFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const STEPS = 5;
    const STATUSES = [
        { code: 'DECIDED', label: 'Grundsatzentscheidung', symbol: 'G' },
        { code: 'FUNDED', label: 'Zuwendungsbescheid', symbol: 'Z' },
        { code: 'START_PHASE', label: 'Startphase', symbol: 'S' },
        { code: 'ESTABLISHED', label: 'etabliert', symbol: 'E' },
        { code: 'CLOSED', label: 'geschlossen', symbol: 'X' }
    ];
    const MEASURES = {
        activities: { label: 'Aktivitäten im Quartal', unit: 'Aktivitäten', format: numberFormat },
        participantsPer1000: { label: 'Teilnehmende je 1.000 Einwohner im Quartal', unit: 'Teilnehmende je 1.000 Einwohner', format: rateFormat },
        status: { label: 'Status des Integrationszentrums' }
    };

    let sites = [];
    let figures = new Map();
    let tiles = [];
    let selected = null;

    function isSuppressed(cell) {
        return cell !== null && typeof cell === 'object' && cell.suppressed === true;
    }

    async function fetchJson(url) {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
        const body = await response.json().catch(() => null);
        if (!response.ok) {
            throw new Error(body && (body.detail || body.title) ? body.detail || body.title : 'Antwort ' + response.status);
        }
        return body;
    }

    async function load(period) {
        try {
            const [map, report] = await Promise.all([fetchJson('/api/v1/map/sites'),
                fetchJson('/api/v1/aggregates?measure=activities&groupBy=site&period=' + encodeURIComponent(period))]);
            sites = map.sites;
            figures = new Map(report.rows.map((row) => [row.key, row.values]));
            byId('message-map').textContent = '';
            if (tiles.length === 0) {
                build(map);
            }
            render();
        } catch (error) {
            byId('message-map').textContent = 'Die Karte konnte nicht geladen werden: ' + error.message;
        }
    }

    /* ---------- values and steps ---------- */

    /* What a site shows for a measure: a number, withheld, or none. */
    function valueOf(site, measure) {
        const values = figures.get(site.site) || {};
        if (measure === 'activities') {
            return { number: typeof values.activities === 'number' ? values.activities : 0 };
        }
        if (isSuppressed(values.participants)) {
            return { withheld: true };
        }
        const participants = typeof values.participants === 'number' ? values.participants : 0;
        return { number: site.population > 0 ? participants * 1000 / site.population : 0 };
    }

    /* Five equal steps from 0 to the largest value (whole numbers for counts); 0 is a step of its own ("keine"). */
    function stepsOf(measure) {
        const max = Math.max(0, ...sites.map((site) => valueOf(site, measure)).filter((v) => !v.withheld).map((v) => v.number));
        const whole = measure === 'activities';
        return { max: max, whole: whole, width: whole ? Math.ceil(max / STEPS) : max / STEPS };
    }

    function stepOf(value, steps) {
        if (value.withheld) {
            return 'x';
        }
        if (value.number === 0 || steps.width === 0) {
            return 0;
        }
        return Math.min(STEPS, Math.ceil(value.number / steps.width - 1e-9));
    }

    function describe(site, measure, steps) {
        if (measure === 'status') {
            const status = STATUSES.find((s) => s.code === site.status);
            return status
                ? { css: 'map-s-' + status.code, symbol: status.symbol, text: 'Status ' + status.label }
                : { css: 'map-c0', symbol: '–', text: 'Status noch nicht gemeldet' };
        }
        const value = valueOf(site, measure);
        const step = stepOf(value, steps);
        if (step === 'x') {
            return { css: 'map-cx', symbol: '•', text: 'geschützt (kleine Zahl)' };
        }
        return { css: 'map-c' + step, symbol: String(step),
            text: MEASURES[measure].format.format(value.number) + ' ' + MEASURES[measure].unit + ', Stufe ' + step };
    }

    /* ---------- drawing ---------- */

    function build(map) {
        const grid = byId('map');
        grid.style.gridTemplateColumns = 'repeat(' + map.columns + ', 3.25rem)';
        const cells = new Map();
        map.sites.forEach((site) => {
            const key = site.column + '/' + site.row;
            let cell = cells.get(key);
            if (!cell) {
                cell = document.createElement('div');
                cell.className = 'map-cell';
                cell.style.gridColumn = String(site.column + 1);
                cell.style.gridRow = String(site.row + 1);
                cells.set(key, cell);
                grid.append(cell);
            }
            const tile = document.createElement('button');
            tile.type = 'button';
            tile.className = 'map-tile' + (site.insideDistrict ? ' map-tile--inside' : '');
            tile.dataset.site = site.site;
            tile.tabIndex = -1;
            tile.setAttribute('aria-pressed', 'false');
            const code = document.createElement('span');
            code.className = 'map-tile__code';
            code.setAttribute('aria-hidden', 'true');
            code.textContent = site.code;
            const symbol = document.createElement('span');
            symbol.className = 'map-tile__class';
            symbol.setAttribute('aria-hidden', 'true');
            tile.append(code, symbol);
            tile.addEventListener('click', () => select(site.site));
            cell.append(tile);
            tiles.push({ site: site, element: tile, x: site.column + (site.insideDistrict ? 0.5 : 0), y: site.row + (site.insideDistrict ? 0.5 : 0) });
        });
        // A region that holds a town with its own KI is marked so: its code sits in the corner, the town's tile in the other.
        tiles.filter((t) => !t.site.insideDistrict && tiles.some((o) => o.site.insideDistrict && o.site.districtKey === t.site.districtKey))
            .forEach((t) => t.element.classList.add('map-tile--region'));
        tiles.sort((a, b) => a.y - b.y || a.x - b.x);
        tiles[0].element.tabIndex = 0;
        grid.addEventListener('keydown', move);
        byId('map-measure').addEventListener('change', render);
        buildTable();
    }

    function render() {
        const measure = byId('map-measure').value;
        const steps = measure === 'status' ? null : stepsOf(measure);
        tiles.forEach((t) => {
            const shown = describe(t.site, measure, steps);
            t.element.className = t.element.className.split(' ').filter((c) => !c.startsWith('map-c') && !c.startsWith('map-s-')).join(' ')
                + ' ' + shown.css;
            t.element.dataset.step = shown.symbol;
            t.element.querySelector('.map-tile__class').textContent = shown.symbol;
            t.element.setAttribute('aria-label', t.site.name + (t.site.insideDistrict ? ' (in der Städteregion Aachen)' : '') + ': ' + shown.text);
            t.shown = shown;
        });
        byId('map-legend-measure').textContent = MEASURES[measure].label;
        renderLegend(measure, steps);
        renderTable();
        if (selected) {
            announce(selected);
        }
    }

    function renderLegend(measure, steps) {
        const legend = byId('map-legend');
        legend.replaceChildren();
        const add = (css, symbol, text) => {
            const item = document.createElement('li');
            const swatch = document.createElement('span');
            swatch.className = 'map-swatch ' + css;
            swatch.setAttribute('aria-hidden', 'true');
            swatch.textContent = symbol;
            const label = document.createElement('span');
            label.textContent = symbol + ' = ' + text;
            item.append(swatch, label);
            legend.append(item);
        };
        if (measure === 'status') {
            STATUSES.forEach((s) => add('map-s-' + s.code, s.symbol, s.label));
            add('map-c0', '–', 'noch kein Status gemeldet');
            return;
        }
        const format = MEASURES[measure].format;
        add('map-c0', '0', 'keine');
        for (let step = 1; step <= STEPS && steps.width > 0 && steps.width * (step - 1) < steps.max; step++) {
            add('map-c' + step, String(step), steps.whole
                ? (steps.width === 1 ? format.format(step) : format.format(steps.width * (step - 1) + 1) + ' bis ' + format.format(steps.width * step))
                : 'über ' + format.format(steps.width * (step - 1)) + ' bis ' + format.format(steps.width * step));
        }
        if (measure === 'participantsPer1000') {
            add('map-cx', '•', 'geschützt: 1 bis 4 Teilnehmende, oder daraus errechenbar');
        }
    }

    /* ---------- the table twin ---------- */

    function buildTable() {
        const table = byId('table-map');
        const head = document.createElement('thead');
        const row = document.createElement('tr');
        ['Integrationszentrum', 'Kürzel', 'Regierungsbezirk', 'Aktivitäten im Quartal', 'Teilnehmende im Quartal', 'Einwohner',
            'Teilnehmende je 1.000 Einwohner', 'Status'].forEach((text) => {
            const th = document.createElement('th');
            th.scope = 'col';
            th.textContent = text;
            row.append(th);
        });
        head.append(row);
        table.append(head, document.createElement('tbody'));
    }

    function renderTable() {
        const body = byId('table-map').querySelector('tbody');
        body.replaceChildren(...sites.map((site) => {
            const values = figures.get(site.site) || {};
            const tr = document.createElement('tr');
            tr.dataset.site = site.site;
            tr.classList.toggle('is-selected', selected === site.site);
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = site.name;
            tr.append(th);
            const rate = valueOf(site, 'participantsPer1000');
            const status = STATUSES.find((s) => s.code === site.status);
            const withheld = { suppressed: true };
            [
                ['code', site.code], ['regierungsbezirk', site.regierungsbezirk],
                ['activities', typeof values.activities === 'number' ? values.activities : 0],
                ['participants', isSuppressed(values.participants) ? withheld : values.participants || 0],
                ['population', site.population],
                ['participantsPer1000', rate.withheld ? withheld : rateFormat.format(rate.number)],
                ['status', status ? status.label : '–']
            ].forEach(([metric, value]) => {
                const td = document.createElement('td');
                td.dataset.metric = metric;
                if (typeof value === 'string') {
                    td.textContent = value;
                } else {
                    window.KinetzDashboard.cellContent(td, value, false);
                }
                tr.append(td);
            });
            return tr;
        }));
    }

    /* ---------- keyboard and selection ---------- */

    const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

    /* The nearest tile in the arrow's direction: distance along it, sideways distance counting double. */
    function move(event) {
        const direction = DIRECTIONS[event.key];
        const from = tiles.find((t) => t.element === document.activeElement);
        if (!direction || !from) {
            return;
        }
        event.preventDefault();
        let best = null;
        let bestScore = Infinity;
        tiles.forEach((t) => {
            const along = (t.x - from.x) * direction[0] + (t.y - from.y) * direction[1];
            const sideways = Math.abs((t.x - from.x) * direction[1]) + Math.abs((t.y - from.y) * direction[0]);
            if (along > 0 && along + 2 * sideways < bestScore) {
                best = t;
                bestScore = along + 2 * sideways;
            }
        });
        if (best) {
            from.element.tabIndex = -1;
            best.element.tabIndex = 0;
            best.element.focus();
        }
    }

    function select(siteId) {
        selected = siteId;
        tiles.forEach((t) => t.element.setAttribute('aria-pressed', String(t.site.site === siteId)));
        byId('table-map').querySelectorAll('tbody tr').forEach((tr) => tr.classList.toggle('is-selected', tr.dataset.site === siteId));
        const tile = tiles.find((t) => t.site.site === siteId);
        tiles.forEach((t) => { t.element.tabIndex = t === tile ? 0 : -1; });
        announce(siteId);
    }

    function announce(siteId) {
        const tile = tiles.find((t) => t.site.site === siteId);
        if (tile && tile.shown) {
            byId('map-selection').textContent = tile.site.name + ' (' + tile.site.regierungsbezirk + '): ' + tile.shown.text;
        }
    }

    document.addEventListener('kinetz:reload', (event) => load(event.detail.period));
})();
