/*
 * KI-Netz NRW dashboard. Reads the public read API of the reporting service (GET /api/v1/aggregates) and
 * listens to its Server-Sent Events (GET /api/v1/live). Whatever event arrives, the page re-fetches the
 * aggregates it shows (debounced), so it depends on the event stream only for "something changed" and never
 * on the shape of an event. The browser holds only the session cookie of a signed-in person: fetch sends it,
 * so a LaKI member gets exact numbers in the JSON, the CSV and the stream alike.
 */
(function () {
    'use strict';

    const DEBOUNCE_MS = 250;
    const MAX_WAIT_MS = 1000;
    /* No byte on the stream for this long (not even a heartbeat comment): the connection is dead. */
    const STALE_STREAM_MS = 60000;
    const RETRY_MS = [1000, 2000, 5000, 10000, 30000];
    const TOP_FOCUS_AREAS = 5;
    const SHOWN_STATUSES = ['DECIDED', 'FUNDED', 'START_PHASE', 'ESTABLISHED'];
    const METRIC_LABELS = {
        sites: 'Standorte',
        fte: 'Vollzeitäquivalente',
        activities: 'Aktivitäten',
        participants: 'Teilnehmende',
        volunteers: 'Ehrenamtliche',
        sessions: 'Termine',
        hours: 'Stunden',
        offerings: 'Veranstaltungen',
        seats: 'Plätze',
        confirmed: 'Bestätigte Anmeldungen',
        waitlisted: 'Warteliste',
        attended: 'Teilnahmen',
        sessionPlaces: 'Mögliche Teilnahmen',
        granted: 'bewilligt (€)',
        disbursed: 'abgerufen (€)',
        utilisation: 'Abrufquote',
        proofsOpen: 'Verwendungsnachweise offen',
        proofsOverdue: 'davon überfällig'
    };
    const euroFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

    const numberFormat = new Intl.NumberFormat('de-DE');
    const byId = (id) => document.getElementById(id);

    /* ---------- the period: this quarter, in Europe/Berlin ---------- */

    function currentQuarter() {
        const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: 'numeric' })
            .formatToParts(new Date());
        const year = parts.find((p) => p.type === 'year').value;
        const month = Number(parts.find((p) => p.type === 'month').value);
        const quarter = Math.floor((month - 1) / 3) + 1;
        return { value: year + '-Q' + quarter, label: quarter + '. Quartal ' + year };
    }

    /* ---------- what the page shows ---------- */

    /* Each panel: where its numbers come from, how its rows are chosen, which metric its chart draws. */
    const PANELS = [
        {
            id: 'sites',
            query: () => 'measure=sites&groupBy=status',
            file: () => 'standorte-nach-status.csv',
            firstColumn: 'Status',
            chartMetric: 'sites',
            rows: (report) => report.rows.filter((row) => SHOWN_STATUSES.includes(row.key))
        },
        {
            id: 'regierungsbezirk',
            query: (period) => 'measure=activities&period=' + period + '&groupBy=regierungsbezirk',
            file: (period) => 'aktivitaeten-' + period + '-regierungsbezirk.csv',
            firstColumn: 'Regierungsbezirk',
            chartMetric: 'activities',
            rows: (report) => report.rows
        },
        {
            id: 'focus-area',
            query: (period) => 'measure=activities&period=' + period + '&groupBy=focusArea',
            file: (period) => 'aktivitaeten-' + period + '-handlungsschwerpunkt.csv',
            firstColumn: 'Handlungsschwerpunkt',
            chartMetric: 'activities',
            rows: (report) => report.rows
        },
        {
            id: 'top-focus-areas',
            sameDataAs: 'focus-area',
            query: (period) => 'measure=activities&period=' + period + '&groupBy=focusArea',
            file: (period) => 'aktivitaeten-' + period + '-handlungsschwerpunkt.csv',
            firstColumn: 'Handlungsschwerpunkt',
            chartMetric: 'activities',
            ranked: true,
            rows: (report) => report.rows
                .filter((row) => count(row.values.activities) > 0)
                .sort((a, b) => count(b.values.activities) - count(a.values.activities))
                .slice(0, TOP_FOCUS_AREAS),
            withoutTotal: true,
            emptyText: 'In diesem Quartal wurden noch keine Aktivitäten gemeldet.'
        },
        {
            id: 'catalog',
            query: () => 'measure=catalog&groupBy=offeringType',
            file: () => 'veranstaltungen-nach-art.csv',
            firstColumn: 'Art',
            chartMetric: 'offerings',
            rows: (report) => report.rows
        },
        {
            id: 'programs',
            /* Grants run per budget year, so this panel shows the current year, not the quarter. */
            query: () => 'measure=programs&period=' + new Date().getFullYear() + '&groupBy=program',
            file: () => 'foerderprogramme-' + new Date().getFullYear() + '.csv',
            firstColumn: 'Förderprogramm',
            chartMetric: 'granted',
            metrics: ['granted', 'disbursed', 'utilisation', 'proofsOpen', 'proofsOverdue'],
            decimals: ['granted', 'disbursed', 'utilisation'],
            rows: (report) => report.rows,
            emptyText: 'Für dieses Haushaltsjahr sind noch keine Zuwendungen erfasst.'
        }
    ];

    function count(cell) {
        /* Money and full-time equivalents come as decimal text ("15000.00"), exact; a chart only needs their size. */
        if (typeof cell === 'string') {
            return Number(cell);
        }
        return typeof cell === 'number' ? cell : 0;
    }

    function isSuppressed(cell) {
        return cell !== null && typeof cell === 'object' && cell.suppressed === true;
    }

    function aggregatesUrl(panel, period) {
        return '/api/v1/aggregates?' + panel.query(period);
    }

    /* ---------- rendering ---------- */

    function cellContent(td, cell, decimal) {
        td.textContent = '';
        if (isSuppressed(cell)) {
            td.dataset.value = 'suppressed';
            const dot = document.createElement('span');
            dot.setAttribute('aria-hidden', 'true');
            dot.textContent = '•';
            const text = document.createElement('span');
            text.className = 'visually-hidden';
            text.textContent = 'geschützt (kleine Zahl)';
            td.append(dot, text);
        } else if (typeof cell === 'number' || typeof cell === 'string') {
            td.dataset.value = String(cell);
            td.textContent = decimal ? euroFormat.format(Number(cell)) : numberFormat.format(Number(cell));
        } else {
            td.dataset.value = '';
            td.textContent = '–';
        }
    }

    /* Shared with the district map (map.js), so that a withheld cell reads the same everywhere. */
    window.KinetzDashboard = Object.freeze({ cellContent: cellContent });

    function metricsOf(report) {
        const first = report.total || (report.rows[0] && report.rows[0].values) || {};
        return Object.keys(first);
    }

    function renderTable(panel, report, rows, period) {
        const table = byId('table-' + panel.id);
        const previous = new Map();
        table.querySelectorAll('td[data-metric]').forEach((td) => {
            previous.set(td.closest('tr').dataset.key + '/' + td.dataset.metric, td.dataset.value);
        });
        const caption = table.querySelector('caption');
        table.replaceChildren(caption);
        const metrics = panel.metrics || metricsOf(report);

        const head = table.createTHead().insertRow();
        const headers = (panel.ranked ? ['Rang'] : []).concat([panel.firstColumn], metrics.map((m) => METRIC_LABELS[m] || m));
        headers.forEach((label) => {
            const th = document.createElement('th');
            th.scope = 'col';
            th.textContent = label;
            head.append(th);
        });

        const body = table.createTBody();
        rows.forEach((row, index) => addRow(body, row.key, row.label, row.values, panel.ranked ? index + 1 : null));
        if (rows.length === 0) {
            const empty = body.insertRow().insertCell();
            empty.colSpan = headers.length;
            empty.textContent = panel.emptyText || 'Keine Daten.';
        }
        if (!panel.withoutTotal && report.total) {
            addRow(table.createTFoot(), 'total', 'NRW gesamt', report.total, null);
        }

        function addRow(section, key, label, values, rank) {
            const tr = section.insertRow();
            tr.dataset.key = key;
            if (rank !== null) {
                tr.insertCell().textContent = rank + '.';
            }
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = label;
            tr.append(th);
            metrics.forEach((metric) => {
                const td = tr.insertCell();
                td.dataset.metric = metric;
                cellContent(td, values[metric], (panel.decimals || []).includes(metric));
                const before = previous.get(key + '/' + metric);
                if (before !== undefined && before !== td.dataset.value) {
                    td.classList.add('changed');
                    setTimeout(() => td.classList.remove('changed'), 2500);
                }
            });
        }
        table.dataset.period = period;
    }

    function renderChart(panel, rows) {
        const chart = byId('chart-' + panel.id);
        const max = Math.max(1, ...rows.map((row) => count(row.values[panel.chartMetric])));
        chart.replaceChildren();
        if (rows.length === 0) {
            const empty = document.createElement('p');
            empty.className = 'chart__empty';
            empty.textContent = panel.emptyText || 'Keine Daten.';
            chart.append(empty);
            return;
        }
        rows.forEach((row) => {
            const cell = row.values[panel.chartMetric];
            const line = document.createElement('div');
            line.className = 'bar-row';
            const label = document.createElement('span');
            label.className = 'bar-row__label';
            label.textContent = row.label;
            const track = document.createElement('span');
            track.className = 'bar-row__track';
            const bar = document.createElement('span');
            bar.className = 'bar-row__bar';
            bar.style.width = (100 * count(cell) / max).toFixed(1) + '%';
            track.append(bar);
            const value = document.createElement('span');
            value.className = 'bar-row__value';
            value.textContent = isSuppressed(cell) ? '•' : numberFormat.format(count(cell));
            line.append(label, track, value);
            chart.append(line);
        });
    }

    function showMessage(panel, text) {
        byId('message-' + panel.id).textContent = text;
    }

    /* ---------- loading: all panels at once, never two loads at the same time ---------- */

    let loading = null;
    let loadAgain = false;
    let lastLoaded = null;

    async function fetchReport(url) {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
        const body = await response.json().catch(() => null);
        if (!response.ok) {
            const detail = body && (body.detail || body.title);
            throw new Error(detail ? detail : 'Antwort ' + response.status);
        }
        return body;
    }

    /* ---------- sample data ---------- */

    /* Once the activities contain sample data (./kinetz demo), the page says so; it never contains less later. */
    async function showSampleData() {
        const badge = byId('sample-data');
        if (!badge.hidden) {
            return;
        }
        try {
            const response = await fetch('/api/v1/sample-data', { headers: { Accept: 'application/json' }, cache: 'no-store' });
            if (response.ok && (await response.json()).present === true) {
                badge.hidden = false;
            }
        } catch (error) {
            // the badge waits for the next reload
        }
    }

    async function loadAll() {
        showSampleData();
        if (loading) {
            loadAgain = true;
            return loading;
        }
        loading = (async () => {
            const period = currentQuarter();
            byId('period-label').textContent = period.label;
            const reports = new Map();
            let complete = true;
            await Promise.all(PANELS.filter((p) => !p.sameDataAs).map(async (panel) => {
                try {
                    reports.set(panel.id, await fetchReport(aggregatesUrl(panel, period.value)));
                } catch (error) {
                    reports.set(panel.id, error);
                    complete = false;
                }
            }));
            PANELS.forEach((panel) => {
                const report = reports.get(panel.sameDataAs || panel.id);
                if (report instanceof Error) {
                    showMessage(panel, 'Noch keine Zahlen verfügbar: ' + report.message);
                    return;
                }
                showMessage(panel, '');
                const rows = panel.rows(report);
                renderTable(panel, report, rows, period.value);
                renderChart(panel, rows);
            });
            // The district map (map.js) reloads with the panels, for the same period.
            document.dispatchEvent(new CustomEvent('kinetz:reload', { detail: { period: period.value } }));
            if (complete) {
                lastLoaded = new Date();
                showFreshness();
            }
        })();
        try {
            await loading;
        } finally {
            loading = null;
        }
        if (loadAgain) {
            loadAgain = false;
            await loadAll();
        }
    }

    /* Many events in a row (a CSV import, a replay) cause one reload, at most one per MAX_WAIT_MS. */
    let reloadTimer = null;
    let firstPendingEvent = 0;

    function scheduleReload() {
        const now = Date.now();
        if (!firstPendingEvent) {
            firstPendingEvent = now;
        }
        clearTimeout(reloadTimer);
        const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPendingEvent + MAX_WAIT_MS - now));
        reloadTimer = setTimeout(() => {
            firstPendingEvent = 0;
            loadAll();
        }, wait);
    }

    /* ---------- freshness ---------- */

    function ago(milliseconds) {
        const seconds = Math.max(0, Math.round(milliseconds / 1000));
        if (seconds < 60) {
            return 'vor ' + seconds + ' s';
        }
        const minutes = Math.round(seconds / 60);
        if (minutes < 60) {
            return 'vor ' + minutes + ' min';
        }
        return 'vor ' + Math.round(minutes / 60) + ' h';
    }

    function showFreshness() {
        const element = byId('freshness');
        if (!lastLoaded) {
            return;
        }
        element.dateTime = lastLoaded.toISOString();
        element.title = lastLoaded.toLocaleString('de-DE', { timeZone: 'Europe/Berlin' });
        element.textContent = ago(Date.now() - lastLoaded.getTime());
    }

    /* ---------- the live stream ---------- */

    const CONNECTION_TEXT = {
        connecting: 'Verbinde mit der Live-Aktualisierung …',
        live: 'Live: Die Zahlen aktualisieren sich von selbst.',
        reconnecting: 'Verbindung unterbrochen – neuer Versuch …',
        unavailable: 'Live-Aktualisierung zurzeit nicht verfügbar – neuer Versuch …'
    };

    function showConnection(state, retryInMs) {
        const element = byId('connection');
        const changed = element.dataset.state !== state;
        element.dataset.state = state;
        let text = CONNECTION_TEXT[state];
        if (retryInMs) {
            text = text.replace(' …', ' in ' + Math.round(retryInMs / 1000) + ' s …');
        }
        byId('connection-text').textContent = text;
        if (changed && (state === 'live' || state === 'reconnecting' || state === 'unavailable')) {
            announce(CONNECTION_TEXT[state]);
        }
    }

    /*
     * An EventSource that also sees events of every name, notices a silent dead connection, and shows its
     * state. Like EventSource it sends Last-Event-ID on reconnecting, so the server replays what was missed;
     * on every (re)connect the page also reloads once, so it is current even if the server cannot replay.
     */
    function LiveStream(url, onEvent, onOpen) {
        let lastEventId = null;
        let attempt = 0;
        let retryOverride = null;
        let watchdog = null;
        let controller = null;

        async function connect() {
            controller = new AbortController();
            const headers = { Accept: 'text/event-stream' };
            if (lastEventId !== null) {
                headers['Last-Event-ID'] = lastEventId;
            }
            let response;
            try {
                response = await fetch(url, { headers: headers, credentials: 'same-origin', cache: 'no-store', signal: controller.signal });
            } catch (error) {
                return retry('reconnecting');
            }
            const type = response.headers.get('Content-Type') || '';
            if (!response.ok || !type.startsWith('text/event-stream') || !response.body) {
                controller.abort();
                return retry(response.status >= 500 || response.status === 0 ? 'reconnecting' : 'unavailable');
            }
            attempt = 0;
            showConnection('live');
            onOpen();
            await read(response.body.getReader());
            retry('reconnecting');
        }

        async function read(reader) {
            const decoder = new TextDecoder();
            let buffer = '';
            let data = [];
            let eventName = '';
            let idBuffer = lastEventId;
            alive();
            try {
                for (;;) {
                    const chunk = await reader.read();
                    if (chunk.done) {
                        return;
                    }
                    alive();
                    buffer += decoder.decode(chunk.value, { stream: true });
                    let end;
                    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
                        const line = buffer.slice(0, end);
                        buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
                        if (line === '') {
                            // Dispatch, as the HTML standard's event stream interpretation does.
                            lastEventId = idBuffer;
                            if (data.length > 0) {
                                onEvent({ type: eventName || 'message', id: lastEventId, data: data.join('\n') });
                            }
                            data = [];
                            eventName = '';
                            continue;
                        }
                        if (line.startsWith(':')) {
                            continue; // a comment: the heartbeat that keeps an idle stream open
                        }
                        const colon = line.indexOf(':');
                        const field = colon < 0 ? line : line.slice(0, colon);
                        let value = colon < 0 ? '' : line.slice(colon + 1);
                        if (value.startsWith(' ')) {
                            value = value.slice(1);
                        }
                        if (field === 'data') {
                            data.push(value);
                        } else if (field === 'event') {
                            eventName = value;
                        } else if (field === 'id' && !value.includes('\0')) {
                            idBuffer = value;
                        } else if (field === 'retry' && /^\d+$/.test(value)) {
                            retryOverride = Number(value);
                        }
                    }
                }
            } catch (error) {
                return; // aborted by the watchdog, or the network went away
            } finally {
                clearTimeout(watchdog);
            }
        }

        function alive() {
            clearTimeout(watchdog);
            watchdog = setTimeout(() => controller.abort(), STALE_STREAM_MS);
        }

        function retry(state) {
            const delay = retryOverride !== null && state === 'reconnecting'
                ? retryOverride
                : RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
            attempt++;
            showConnection(state, delay);
            setTimeout(connect, delay);
        }

        return { start: connect };
    }

    /* ---------- who is signed in ---------- */

    async function showAccount() {
        const account = byId('account');
        let session;
        try {
            const response = await fetch('/dashboard/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
            session = await response.json();
        } catch (error) {
            return; // the sign-in link in the page stays
        }
        if (!session.signedIn) {
            const link = byId('sign-in');
            if (session.signInUrl) {
                link.href = session.signInUrl;
            } else {
                link.remove();
            }
            return;
        }
        const who = document.createElement('p');
        who.className = 'account__who';
        who.id = 'signed-in-as';
        who.append('Angemeldet als ');
        const name = document.createElement('strong');
        name.textContent = session.name;
        who.append(name);
        if (session.roleLabel) {
            who.append(' (' + session.roleLabel + ')');
        }
        const form = document.createElement('form');
        form.method = 'post';
        form.action = '/logout';
        if (session.csrf) {
            const token = document.createElement('input');
            token.type = 'hidden';
            token.name = session.csrf.parameterName;
            token.value = session.csrf.token;
            form.append(token);
        }
        const button = document.createElement('button');
        button.type = 'submit';
        button.className = 'button';
        button.id = 'sign-out';
        button.textContent = 'Abmelden';
        form.append(button);
        account.replaceChildren(who, form);
        byId('report-internal').hidden = !session.exactNumbers;
        byId('numbers-notice').textContent = session.exactNumbers
            ? 'Sie sehen exakte Zahlen, auch kleine Zahlen von Personen. Bitte geben Sie sie nur an Berechtigte weiter.'
            : 'Zahlen von Personen sind zum Schutz der Teilnehmenden auf 5 gerundet, kleine Zahlen (1 bis 4) verborgen (•); '
                + 'jede Zahl ist für sich gerundet, Zeilen ergeben daher nicht immer genau die Summe. Exakte Zahlen sieht nur die LaKI.';
    }

    /* ---------- CSV downloads: the API's CSV (Accept: text/csv), with the session cookie ---------- */

    async function downloadCsv(panel, button) {
        const period = currentQuarter().value;
        button.disabled = true;
        try {
            const response = await fetch(aggregatesUrl(panel, period), { headers: { Accept: 'text/csv' }, credentials: 'same-origin', cache: 'no-store' });
            if (!response.ok) {
                throw new Error('Antwort ' + response.status);
            }
            const blob = await response.blob();
            const disposition = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
            const fileName = disposition ? disposition[1] : panel.file(period);
            const link = document.createElement('a');
            link.href = URL.createObjectURL(blob);
            link.download = fileName;
            link.hidden = true;
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(link.href), 10000);
            announce('CSV-Datei ' + fileName + ' wird heruntergeladen.');
        } catch (error) {
            showMessage(panel, 'Die CSV-Datei konnte nicht geladen werden (' + error.message + ').');
        } finally {
            button.disabled = false;
        }
    }

    function announce(text) {
        const announcer = byId('announcer');
        announcer.textContent = '';
        setTimeout(() => { announcer.textContent = text; }, 50);
    }

    /* ---------- start ---------- */

    /* The catalog listens four ports above the dashboard (8084 beside 8080, shifted alike in a second stack). */
    function pointToTheCatalog() {
        if (!window.location.port) {
            return;
        }
        const catalog = window.location.protocol + '//' + window.location.hostname + ':'
            + (Number(window.location.port) + 4) + '/veranstaltungen';
        document.querySelectorAll('[data-catalog-link]').forEach((link) => { link.href = catalog; });
    }

    /* The report links name this year (Berlin); the static page names the year it was written in. */
    function pointToThisYearsReport() {
        const year = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date());
        document.querySelectorAll('[data-report]').forEach((link) => {
            link.href = '/api/v1/reports/annual/' + year + '.' + link.dataset.report
                + (link.dataset.edition ? '?edition=' + link.dataset.edition : '');
        });
        document.querySelectorAll('[data-report-year]').forEach((span) => { span.textContent = year; });
    }

    function start() {
        pointToTheCatalog();
        pointToThisYearsReport();
        if (new URLSearchParams(window.location.search).get('sign-in') === 'failed') {
            byId('sign-in-failed').hidden = false;
        }
        document.querySelectorAll('[data-csv]').forEach((button) => {
            const panel = PANELS.find((p) => p.id === button.dataset.csv);
            button.addEventListener('click', () => downloadCsv(panel, button));
        });
        showAccount();
        loadAll();
        setInterval(showFreshness, 1000);
        // Every (re)connection reloads once: what changed before the stream was open is shown too.
        LiveStream('/api/v1/live', scheduleReload, scheduleReload).start();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
