package nrw.kinetz.intake.activity;

/** The request and response examples of the OpenAPI document: one per body format. */
final class Examples {

    static final String OBJECT = """
            {
              "id": "3f2b8c1e-7d4a-4e2b-9c1f-0a5d6e7f8a9b",
              "site": "05974",
              "occurredOn": "2025-11-20",
              "field": "BILDUNG",
              "focusArea": "SEITENEINSTEIGERBERATUNG",
              "activityType": "ERSTBERATUNG_SEITENEINSTEIGER",
              "metrics": {"participants": 12, "volunteers": 0, "sessions": 3, "hours": 6},
              "note": "Erstberatung neu zugewanderter Familien"
            }""";

    static final String ARRAY = """
            [
              {"id": "3f2b8c1e-7d4a-4e2b-9c1f-0a5d6e7f8a9b", "site": "05974", "occurredOn": "2025-11-20",
               "field": "BILDUNG", "focusArea": "SEITENEINSTEIGERBERATUNG",
               "activityType": "ERSTBERATUNG_SEITENEINSTEIGER",
               "metrics": {"participants": 12, "volunteers": 0, "sessions": 3, "hours": 6}},
              {"id": "8c6a1f0d-2b3e-4f5a-9b8c-7d6e5f4a3b2c", "site": "05974", "occurredOn": "2025-11-21",
               "field": "QUERSCHNITT", "focusArea": "EHRENAMT", "activityType": "EHRENAMT_BEGLEITUNG",
               "program": "KOMM_AN_II", "block": "D",
               "metrics": {"participants": 18, "volunteers": 7, "sessions": 1, "hours": 3}}
            ]""";

    static final String NDJSON = """
            {"id":"3f2b8c1e-7d4a-4e2b-9c1f-0a5d6e7f8a9b","site":"05974","occurredOn":"2025-11-20","field":"BILDUNG","focusArea":"SEITENEINSTEIGERBERATUNG","activityType":"ERSTBERATUNG_SEITENEINSTEIGER","metrics":{"participants":12,"volunteers":0,"sessions":3,"hours":6}}
            {"id":"8c6a1f0d-2b3e-4f5a-9b8c-7d6e5f4a3b2c","site":"05974","occurredOn":"2025-11-21","field":"QUERSCHNITT","focusArea":"EHRENAMT","activityType":"EHRENAMT_BEGLEITUNG","program":"KOMM_AN_II","block":"D","metrics":{"participants":18,"volunteers":7,"sessions":1,"hours":3}}
            """;

    static final String CSV = """
            Kennung;KI;Datum;Feld;Handlungsfeld;Aktivitätsart;Programm;Baustein;Maßnahme;Teilnehmende;Ehrenamtliche;Termine;Stunden;Notiz
            ;05974;20.11.2025;BILDUNG;SEITENEINSTEIGERBERATUNG;ERSTBERATUNG_SEITENEINSTEIGER;;;;12;0;3;6;Erstberatung neu zugewanderter Familien
            ;05974;21.11.2025;QUERSCHNITT;EHRENAMT;EHRENAMT_BEGLEITUNG;KOMM_AN_II;D;;18;7;1;3;"Qualifizierung Ehrenamtlicher; Modul 2"
            """;

    static final String SUMMARY = """
            {
              "received": 3, "accepted": 1, "duplicate": 1, "rejected": 1, "dryRun": false, "atomic": false,
              "items": [
                {"index": 0, "line": 2, "id": "0b5e3a4c-1d2f-5a6b-8c9d-0e1f2a3b4c5d", "status": "accepted"},
                {"index": 1, "line": 3, "id": "7a1b2c3d-4e5f-5a6b-9c8d-7e6f5a4b3c2d", "status": "duplicate"},
                {"index": 2, "line": 4, "id": "1c2d3e4f-5a6b-5c7d-8e9f-0a1b2c3d4e5f", "status": "rejected",
                 "errors": [{"line": 4, "detail": "Teilnehmende: must be ≥ 0, was -3; a wrong report is corrected by retracting it"}]}
              ]
            }""";

    static final String PROBLEM = """
            {
              "type": "about:blank", "title": "Bad Request", "status": 400,
              "detail": "The activity was rejected.",
              "instance": "/api/v1/activities",
              "errors": [
                {"pointer": "/focusArea", "detail": "'SCHULE' is not a focus area; allowed: FRUEHE_BILDUNG, ..."},
                {"pointer": "/metrics/participants", "detail": "must be ≥ 0, was -3; a wrong report is corrected by retracting it"}
              ]
            }""";

    private Examples() {
    }
}
