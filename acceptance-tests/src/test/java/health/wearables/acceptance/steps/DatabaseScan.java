package health.wearables.acceptance.steps;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Every value of the FHIR store's database that could carry a token, read over JDBC as an operator with the database
 * could: each text, character, JSON, XML, array, user-defined and {@code bytea} column of every table outside
 * PostgreSQL's own schemas, each large object a column of type {@code oid} names, and every large object there is.
 * Bytes are searched as they are (as text too) and, when they are gzip (HAPI's {@code JSONC} encoding), unzipped. The
 * same reading as adapters-fhir's {@code FhirEndpointHistoryTest}, against the database of the running gateway.
 */
final class DatabaseScan {
    private DatabaseScan() {}

    /**
     * Where each of the texts is found (its name → {@code table.column} places); the texts are looked for as text in
     * every value, and as bytes in every binary one.
     */
    static Map<String, Set<String>> places(Map<String, String> texts) throws SQLException {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        try (Connection db =
                DriverManager.getConnection(Settings.get("fhir.jdbc-url"), Settings.get("fhir.jdbc-user"), "")) {
            db.setAutoCommit(false); // so that the driver streams rows in batches of the fetch size
            Map<String, List<String[]>> columns = columns(db);
            if (!columns.containsKey("\"public\".\"hfj_res_ver\"")) {
                throw new AssertionError("the scan does not see HAPI's resource versions: " + columns.keySet());
            }
            for (Map.Entry<String, List<String[]>> table : columns.entrySet()) {
                List<String> selected = new ArrayList<>();
                for (String[] column : table.getValue()) {
                    String name = quoted(column[1]);
                    selected.add(
                            switch (column[2]) {
                                case "bytea" -> name;
                                case "oid" ->
                                    "(select lo_get(m.oid) from pg_largeobject_metadata m where m.oid = " + name + ")";
                                default -> name + "::text";
                            });
                }
                scan(
                        db,
                        "select " + String.join(", ", selected) + " from " + table.getKey(),
                        table.getValue(),
                        texts,
                        found);
            }
            scan(
                    db,
                    "select lo_get(oid) from pg_largeobject_metadata",
                    List.<String[]>of(new String[] {"pg_largeobject", "data", "bytea"}),
                    texts,
                    found);
            db.rollback();
        }
        return found;
    }

    private static Map<String, List<String[]>> columns(Connection db) throws SQLException {
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select c.table_schema, c.table_name, c.column_name,"
                        + " c.data_type from information_schema.columns c join information_schema.tables t"
                        + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where t.table_type = 'BASE TABLE'"
                        + " and c.table_schema not in ('pg_catalog', 'information_schema')"
                        + " and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'xml',"
                        + " 'bytea', 'oid', 'USER-DEFINED', 'ARRAY') order by 1, 2, 3")) {
            while (rows.next()) {
                columns.computeIfAbsent(
                                quoted(rows.getString(1)) + "." + quoted(rows.getString(2)), t -> new ArrayList<>())
                        .add(new String[] {rows.getString(2), rows.getString(3), rows.getString(4)});
            }
        }
        return columns;
    }

    private static void scan(
            Connection db,
            String query,
            List<String[]> columns,
            Map<String, String> texts,
            Map<String, Set<String>> found)
            throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.setFetchSize(500);
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    for (int each = 0; each < columns.size(); each++) {
                        String[] column = columns.get(each);
                        String place = column[0] + "." + column[1];
                        List<String> values = new ArrayList<>();
                        if (column[2].equals("bytea") || column[2].equals("oid")) {
                            byte[] raw = rows.getBytes(each + 1);
                            if (raw != null) {
                                values.add(new String(raw, StandardCharsets.ISO_8859_1));
                                unzipped(raw).ifPresent(bytes -> values.add(new String(bytes, StandardCharsets.UTF_8)));
                            }
                        } else {
                            Optional.ofNullable(rows.getString(each + 1)).ifPresent(values::add);
                        }
                        for (Map.Entry<String, String> text : texts.entrySet()) {
                            String latin1 = new String(
                                    text.getValue().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                            if (values.stream()
                                    .anyMatch(value -> value.contains(text.getValue()) || value.contains(latin1))) {
                                found.computeIfAbsent(text.getKey(), name -> new TreeSet<>())
                                        .add(place);
                            }
                        }
                    }
                }
            }
        }
    }

    private static Optional<byte[]> unzipped(byte[] raw) {
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
            return Optional.empty();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
