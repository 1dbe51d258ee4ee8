package io.synthline.commons.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.csv.TypeInference;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a relational dataset from a directory or a zip of CSV files, one table per file (the
 * table is the file name without {@code .csv}), with a metadata document: the one given, else a
 * {@code metadata.json} beside the tables, else none (tables without keys, for the profiler to
 * propose some). Declared sdtypes decide the column types ({@code id} and key columns are text,
 * {@code numerical} a number, {@code datetime} a date in the declared format, PII types free text);
 * undeclared columns are inferred as for a single table.
 */
public final class RelationalReader {
    public static final String METADATA_FILE = "metadata.json";
    /** A zip expanding beyond this many bytes is refused (a zip bomb, or more than one machine should read at once). */
    public static final long MAX_UNZIPPED_BYTES = 16L << 30;
    private static final int MAX_TABLES = 1_000;

    private RelationalReader() {
    }

    /** @param metadataFound whether the tables came with metadata (given or beside them) */
    public record Loaded(RelationalDataset dataset, boolean metadataFound) {
    }

    public static Loaded read(Path source, Path metadataFile, CsvOptions options) {
        if (!Files.exists(source)) {
            throw new BadInputException("missing-file", "no such directory or zip file: " + source.getFileName());
        }
        if (Files.isDirectory(source)) {
            return readDirectory(source, metadataFile, options);
        }
        Path expanded = unzip(source);
        try {
            return readDirectory(expanded, metadataFile, options);
        } finally {
            deleteTree(expanded);
        }
    }

    /**
     * Reads tables that imitate {@code like} (synthetic output, a holdout) with its metadata and
     * exactly its column types, so that values compare as the real ones do; a metadata document
     * beside them is ignored. With {@code formulasEscaped} (files written for people, see
     * {@link RelationalWriter}) the apostrophe put before formula cells is taken off again.
     */
    public static RelationalDataset readLike(Path source, RelationalDataset like, CsvOptions options, boolean formulasEscaped) {
        if (!Files.exists(source)) {
            throw new BadInputException("missing-file", "no such directory or zip file: " + source.getFileName());
        }
        Path dir = Files.isDirectory(source) ? source : unzip(source);
        try {
            Map<String, Table> tables = new LinkedHashMap<>();
            for (String name : like.tables().keySet()) {
                Path path = dir.resolve(name + ".csv");
                if (!Files.isRegularFile(path)) {
                    throw new BadInputException("missing-table", "table '" + name + "' is missing (no file " + name + ".csv)");
                }
                Path exact = formulasEscaped ? unescaped(path) : path;
                try {
                    tables.put(name, CsvTableReader.read(exact, options, like.table(name).schema()));
                } catch (BadInputException e) {
                    throw new BadInputException(e.slug(), "table '" + name + "': " + e.getMessage());
                } finally {
                    if (exact != path) {
                        deleteQuietly(exact);
                    }
                }
            }
            return new RelationalDataset(like.metadata(), tables);
        } finally {
            if (dir != source) {
                deleteTree(dir);
            }
        }
    }

    private static Loaded readDirectory(Path dir, Path metadataFile, CsvOptions options) {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .forEach(p -> {
                        String name = p.getFileName().toString();
                        files.put(name.substring(0, name.length() - 4), p);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new BadInputException("no-tables", "no CSV file found (one file per table, named TABLE.csv)");
        }
        if (files.size() > MAX_TABLES) {
            throw new BadInputException("too-many-tables", files.size() + " tables, more than the limit of " + MAX_TABLES);
        }
        Path metaPath = metadataFile != null ? metadataFile : dir.resolve(METADATA_FILE);
        RelationalMetadata metadata = null;
        if (metadataFile != null || Files.isRegularFile(metaPath)) {
            if (!Files.isRegularFile(metaPath)) {
                throw new BadInputException("missing-file", "no such metadata file: " + metaPath.getFileName());
            }
            try {
                metadata = MetadataJson.parse(Files.readString(metaPath, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        if (metadata == null) {
            List<TableMetadata> declared = new ArrayList<>();
            files.forEach((name, path) -> {
                tables.put(name, read(path, name, null, options));
                declared.add(new TableMetadata(name, List.of(), List.of(), null));
            });
            return new Loaded(new RelationalDataset(new RelationalMetadata(declared, List.of()), tables), false);
        }
        for (TableMetadata t : metadata.tables()) {
            Path path = files.get(t.name());
            if (path == null) {
                throw new BadInputException("missing-table", "the metadata declares table '" + t.name() + "' but there is no file "
                        + t.name() + ".csv; files are " + files.keySet().stream().map(n -> n + ".csv").toList());
            }
            tables.put(t.name(), read(path, t.name(), metadata, options));
        }
        for (String name : files.keySet()) {
            if (!tables.containsKey(name)) {
                throw new BadInputException("undeclared-table", "file " + name + ".csv is not a table of the metadata; tables there are "
                        + metadata.names());
            }
        }
        return new Loaded(new RelationalDataset(metadata, tables).requireValidPrimaryKeys(), true);
    }

    private static Table read(Path path, String name, RelationalMetadata metadata, CsvOptions options) {
        try {
            TableSchema inferred = TypeInference.infer(path, options);
            TableSchema schema = metadata == null ? inferred : declared(metadata, name, inferred);
            return CsvTableReader.read(path, options, schema);
        } catch (BadInputException e) {
            throw new BadInputException(e.slug(), "table '" + name + "': " + e.getMessage());
        }
    }

    /** The inferred schema with the metadata's declarations applied. */
    static TableSchema declared(RelationalMetadata metadata, String table, TableSchema inferred) {
        TableMetadata t = metadata.table(table);
        java.util.Set<String> keys = metadata.keyColumns(table);
        List<ColumnSchema> columns = new ArrayList<>();
        for (ColumnSchema c : inferred.columns()) {
            ColumnMetadata declared = t.column(c.name()).orElse(null);
            if (keys.contains(c.name()) || (declared != null && declared.isId())) {
                columns.add(ColumnSchema.of(c.name(), ColumnType.IDENTIFIER));
            } else if (declared == null || declared.sdtype() == null) {
                columns.add(c);
            } else if (declared.isPii()) {
                columns.add(ColumnSchema.of(c.name(), ColumnType.TEXT));
            } else {
                columns.add(switch (declared.sdtype()) {
                    case ColumnMetadata.NUMERICAL -> ColumnSchema.of(c.name(),
                            c.type() == ColumnType.INTEGER || c.type() == ColumnType.IDENTIFIER && integerLike(c) ? ColumnType.INTEGER
                                    : ColumnType.DECIMAL);
                    case ColumnMetadata.CATEGORICAL -> ColumnSchema.of(c.name(), ColumnType.CATEGORICAL);
                    case ColumnMetadata.BOOLEAN -> ColumnSchema.of(c.name(), ColumnType.BOOLEAN);
                    case ColumnMetadata.DATETIME -> declared.datetimeFormat() != null
                            ? new ColumnSchema(c.name(), ColumnType.DATETIME, Strftime.toJava(declared.datetimeFormat()))
                            : c.type() == ColumnType.DATETIME ? c : failDatetime(table, c.name());
                    default -> c;
                });
            }
        }
        return new TableSchema(columns);
    }

    private static boolean integerLike(ColumnSchema c) {
        return c.format() == null;
    }

    private static ColumnSchema failDatetime(String table, String column) {
        throw new BadInputException("invalid-metadata", "column '" + column + "' of table '" + table + "' is declared a datetime but its"
                + " values match no known date format; give its 'datetime_format' (e.g. %Y-%m-%d)");
    }

    /** A temporary copy of {@code file} with formula cells unescaped; the caller deletes it. */
    private static Path unescaped(Path file) {
        try {
            Path copy = Files.createTempFile("synthline-table-", ".csv");
            try (InputStream in = Files.newInputStream(file);
                    OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(copy), 1 << 16)) {
                io.synthline.commons.csv.FormulaGuard.unescape(in, out);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary copy: the OS cleans its temporary directory
        }
    }

    /** Expands the CSV and metadata entries of a zip (flat: directories inside it are ignored) into a temporary directory. */
    static Path unzip(Path zip) {
        Path dir;
        try {
            dir = Files.createTempDirectory("synthline-tables-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String entry = e.getName().replace('\\', '/');
                String file = entry.substring(entry.lastIndexOf('/') + 1);
                String lower = file.toLowerCase(Locale.ROOT);
                if (entry.startsWith("__MACOSX/") || file.startsWith(".") || !(lower.endsWith(".csv") || lower.equals(METADATA_FILE))) {
                    continue;
                }
                if (++entries > MAX_TABLES + 1) {
                    throw new BadInputException("too-many-tables", "the zip holds more than " + MAX_TABLES + " tables");
                }
                Path target = dir.resolve(file);
                if (Files.exists(target)) {
                    throw new BadInputException("duplicate-table", "the zip holds two files named " + file);
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    total += copyLimited(in, out, MAX_UNZIPPED_BYTES - total);
                }
            }
        } catch (java.util.zip.ZipException ex) {
            deleteTree(dir);
            throw new BadInputException("invalid-zip", "the file is neither a directory nor a readable zip: " + ex.getMessage());
        } catch (IOException ex) {
            deleteTree(dir);
            throw new UncheckedIOException(ex);
        } catch (RuntimeException ex) {
            deleteTree(dir);
            throw ex;
        }
        return dir;
    }

    private static long copyLimited(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long n = 0;
        int k;
        while ((k = in.read(buffer)) > 0) {
            n += k;
            if (n > limit) {
                throw new BadInputException("zip-too-large", "the zip expands to more than " + (MAX_UNZIPPED_BYTES >> 30) + " GiB");
            }
            out.write(buffer, 0, k);
        }
        return n;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary file left behind is not worth failing the read
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
