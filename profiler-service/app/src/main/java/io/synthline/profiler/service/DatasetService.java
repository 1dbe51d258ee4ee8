package io.synthline.profiler.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.api.DatasetView;
import io.synthline.commons.csv.CsvDialect;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.RelationalProfile;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StoredObject;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.TableSchema;
import io.synthline.parquet.ParquetFiles;
import io.synthline.profiler.config.ProfilerConfig;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import io.synthline.profiler.engine.relational.RelationalProfiler;
import io.synthline.profiler.engine.report.ProfileHtml;
import io.synthline.profiler.mapping.DatasetMapper;
import io.synthline.profiler.mapping.StoredProfiles;
import io.synthline.profiler.repository.DatasetEntity;
import io.synthline.service.config.ServiceConfig;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.persistence.BlockingTx;
import io.synthline.service.problem.NotFound;
import io.synthline.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registers and profiles datasets. The upload is staged and profiled before anything becomes
 * visible: a file that cannot be read is rejected with nothing stored, and the stored data, the
 * stored profile document, the database row and both events appear together or not at all.
 * Uploads in another dialect or in Parquet are stored as canonical CSV (comma, UTF-8, empty =
 * missing), so every downstream reader uses the defaults.
 */
@ApplicationScoped
public class DatasetService {
    private static final Logger LOG = Logger.getLogger(DatasetService.class);

    @Inject
    DatasetStore store;

    @Inject
    ProfilerConfig config;

    @Inject
    ServiceConfig service;

    private ProfileOptions profileOptions(TableSchema explicit) {
        ProfileOptions o = ProfileOptions.defaults().withCorrelationRowLimit(config.correlationRows()).withExplicitSchema(explicit);
        return config.threads() > 0 ? o.withThreads(config.threads()) : o;
    }

    /**
     * What the upload's Content-Type says the bytes are. A body declared as Parquet must be one; any
     * other type leaves it to the bytes (a Parquet file sent as text/csv or octet-stream is read as
     * Parquet, since its magic number cannot occur at the start of a text file by accident).
     */
    public enum DeclaredFormat {
        PARQUET, ANY;

        public static DeclaredFormat of(String contentType) {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/vnd.apache.parquet")
                    ? PARQUET : ANY;
        }
    }

    /** Registers with declared column types ({@code explicit}, may be null), which must fit every value. Blocking. */
    public DatasetView register(String name, InputStream body, DeclaredFormat declared, CsvDialect dialect, TableSchema explicit,
            Caller caller) {
        String tenant = caller.tenant();
        String actor = caller.username();
        String datasetName = validName(name);
        ProfilerConfig.Limits limits = config.limitsFor(tenant);
        CsvOptions csv = limits.apply(dialect.toCsvOptions());
        UUID id = UUID.randomUUID();
        String dataKey = tenant + "/datasets/" + id + "/data.csv";
        String profileKey = tenant + "/datasets/" + id + "/profile.json";
        List<String> committed = new ArrayList<>();
        try (DatasetStore.Staged upload = store.stage(body, limits.maxUploadBytes())) {
            if (upload.sizeBytes() == 0) {
                throw new BadInputException("empty-file", "the uploaded file is empty: expected a CSV or Parquet file with a header row");
            }
            boolean parquet = ParquetFiles.isParquet(upload.path());
            if (declared == DeclaredFormat.PARQUET && !parquet) {
                throw new BadInputException("content-type-mismatch", "the body was sent as Parquet but is not a Parquet file "
                        + "(it does not start with PAR1); send CSV with Content-Type text/csv");
            }
            DatasetProfile profile = new DatasetProfiler(profileOptions(explicit))
                    .profile(upload.path(), csv, datasetName, upload.sha256()).withDatasetId(id.toString());
            if (explicit != null) {
                requireDeclaredTypesFit(profile);
            }
            try (DatasetStore.Staged canonical = parquet || !CsvDialect.isCanonical(csv) ? canonicalCsv(upload, csv) : null;
                    DatasetStore.Staged document = stageJson(profile)) {
                long storing = (canonical != null ? canonical : upload).sizeBytes();
                limits.checkQuota(profile.rowCount(), storing, BlockingTx.inSession(() -> DatasetEntity.storedBytes(tenant)));
                StoredObject data = (canonical != null ? canonical : upload).commit(dataKey);
                committed.add(dataKey);
                StoredObject profileObject = document.commit(profileKey);
                committed.add(profileKey);
                // an upload is owned by its uploader only when the uploader is a data owner (docs/security.md)
                String owner = caller.hasRole(io.synthline.service.security.Roles.DATA_OWNER) ? actor : null;
                DatasetEntity saved = BlockingTx.inTransaction(() -> persist(id, tenant, actor, owner, datasetName, data,
                        profileObject, profile, parquet ? "parquet" : "csv"));
                LOG.infof("dataset %s registered for tenant %s: %d rows, %d columns, %d PII findings", id, tenant,
                        profile.rowCount(), profile.columnCount(), profile.pii().size());
                return DatasetMapper.toView(saved);
            }
        } catch (IOException e) {
            committed.forEach(this::deleteQuietly);
            if (e instanceof DatasetStore.ObjectTooLargeException tooLarge) {
                throw new BadInputException("payload-too-large", 413, tooLarge.getMessage()).detail("limitBytes", tooLarge.limit());
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            committed.forEach(this::deleteQuietly);
            throw e;
        }
    }

    /**
     * Registers a dataset made of several tables: a zip of CSV files, one per table, with an optional
     * {@code metadata.json} (SDV's multi-table format). Without metadata the profiler proposes the keys
     * (applied from confidence 0.5, with their evidence in the profile). Every table is stored on its
     * own ({@link StoredRelational}); the profile covers every table, the keys and the sequences. A bad
     * zip, a bad metadata document or keys that do not hold (a primary key repeated or missing) are
     * 400 problems with nothing stored; the tenant's row and storage quotas count all tables. Blocking.
     */
    public DatasetView registerRelational(String name, InputStream body, Caller caller) {
        String tenant = caller.tenant();
        String datasetName = validName(name);
        ProfilerConfig.Limits limits = config.limitsFor(tenant);
        UUID id = UUID.randomUUID();
        String prefix = tenant + "/datasets/" + id + "/";
        List<String> committed = new ArrayList<>();
        try (DatasetStore.Staged upload = store.stage(body, limits.maxUploadBytes())) {
            if (upload.sizeBytes() == 0) {
                throw new BadInputException("empty-file", "the uploaded file is empty: expected a zip of CSV files, one per table");
            }
            if (!isZip(upload.path())) {
                throw new BadInputException("invalid-zip", "the body is not a zip file: send a zip of CSV files (one per table, named"
                        + " TABLE.csv) with an optional metadata.json as application/zip, or one table as text/csv");
            }
            RelationalReader.Loaded loaded = RelationalReader.read(upload.path(), null, limits.apply(CsvOptions.defaults()));
            RelationalProfile profile = new RelationalProfiler(profileOptions(null)).profile(loaded.dataset(), loaded.metadataFound());
            RelationalDataset dataset = loaded.metadataFound() ? loaded.dataset() : loaded.dataset().withMetadata(profile.metadata());
            long rows = profile.tables().values().stream().mapToLong(DatasetProfile::rowCount).sum();
            if (rows > limits.maxRows()) {
                limits.checkQuota(rows, 0, 0);
            }
            committed.add(prefix);
            String indexKey = StoredRelational.write(store, prefix, dataset, profile.metadataSource());
            StoredRelational.Index index = StoredRelational.readIndex(store, indexKey);
            // the quota counts the tables as stored (canonical CSV), all of them
            limits.checkQuota(rows, index.sizeBytes(), BlockingTx.inSession(() -> DatasetEntity.storedBytes(tenant)));
            StoredObject data = new StoredObject(indexKey, index.sizeBytes(), sha256Of(indexKey));
            StoredObject profileObject;
            byte[] json = Json.write(profile).getBytes(StandardCharsets.UTF_8);
            try (DatasetStore.Staged document = store.stage(out -> out.write(json))) {
                profileObject = document.commit(prefix + "profile.json");
            }
            String owner = caller.hasRole(io.synthline.service.security.Roles.DATA_OWNER) ? caller.username() : null;
            DatasetEntity saved = BlockingTx.inTransaction(() -> persistRelational(id, tenant, caller.username(), owner, datasetName, data,
                    index, profileObject, profile, json));
            LOG.infof("relational dataset %s registered for tenant %s: %d tables, %d rows, metadata %s", id, tenant,
                    profile.tables().size(), rows, profile.metadataSource());
            return DatasetMapper.toView(saved);
        } catch (IOException e) {
            committed.forEach(this::deleteRelationalQuietly);
            if (e instanceof DatasetStore.ObjectTooLargeException tooLarge) {
                throw new BadInputException("payload-too-large", 413, tooLarge.getMessage()).detail("limitBytes", tooLarge.limit());
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            committed.forEach(this::deleteRelationalQuietly);
            throw e;
        }
    }

    private static boolean isZip(java.nio.file.Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 && magic[3] == 4 || magic[2] == 5 && magic[3] == 6);
        }
    }

    private String sha256Of(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return Sha256.hex(in);
        }
    }

    private Uni<DatasetEntity> persistRelational(UUID id, String tenant, String actor, String owner, String name, StoredObject data,
            StoredRelational.Index index, StoredObject profileObject, RelationalProfile profile, byte[] profileJson) {
        DatasetEntity e = new DatasetEntity();
        e.id = id;
        e.tenant = tenant;
        e.name = name;
        e.owner = owner;
        e.status = "PROFILED";
        e.storageKey = data.key();
        e.sha256 = data.sha256();
        e.sizeBytes = data.sizeBytes();
        e.sourceFormat = "relational";
        e.rowCount = profile.tables().values().stream().mapToLong(DatasetProfile::rowCount).sum();
        e.columnCount = profile.tables().values().stream().mapToInt(DatasetProfile::columnCount).sum();
        e.profileJson = new String(profileJson, StandardCharsets.UTF_8);
        e.profileVersion = DatasetProfile.VERSION;
        e.profileKey = profileObject.key();
        e.profileSha256 = profileObject.sha256();
        e.createdAt = Instant.now();
        e.profiledAt = e.createdAt;
        // findings name their column TABLE.column: one list for the whole dataset. Keys and columns the metadata
        // declares as not personal (an id, a category) are generated or learned as declared, so they are not findings here
        List<io.synthline.commons.profile.PiiFinding> pii = new ArrayList<>();
        profile.tables().forEach((table, p) -> p.pii().stream().filter(f -> {
            var meta = profile.metadata().table(table);
            return !profile.metadata().keyColumns(table).contains(f.column())
                    && meta.column(f.column()).map(c -> c.sdtype() == null || c.isPii()).orElse(true);
        }).forEach(f -> pii.add(new io.synthline.commons.profile.PiiFinding(table + "."
                + f.column(), f.kind(), f.confidence(), f.locale(), f.format(), f.matchShare(), f.sampledValues(), f.evidence(),
                f.embedded()))));
        List<Payloads.TableSummary> tables = new ArrayList<>();
        profile.tables().forEach((table, p) -> tables.add(new Payloads.TableSummary(table, p.rowCount(), p.columnCount(),
                index.tables().get(table).sha256(), profile.metadata().table(table).primaryKey(),
                profile.metadata().parentsOf(table).stream().map(r -> r.parentTable()).distinct().toList())));
        String subject = "datasets/" + id;
        EventEnvelope registered = EventEnvelope.create(service.source(), EventType.DATASET_REGISTERED, subject, tenant, actor,
                new Payloads.DatasetRegistered(id.toString(), name, data.key(), data.sha256(), data.sizeBytes(), owner,
                        pii.isEmpty() ? "internal" : "confidential"));
        EventEnvelope profiled = EventEnvelope.create(service.source(), EventType.DATASET_PROFILED, subject, tenant, actor,
                new Payloads.DatasetProfiled(id.toString(), data.key(), e.rowCount, e.columnCount, null, null, e.profileVersion,
                        e.profileKey, e.profileSha256, pii, List.of(), tables));
        return e.<DatasetEntity>persist()
                .call(() -> Outbox.enqueue(registered))
                .call(() -> Outbox.enqueue(profiled));
    }

    /** Removes what a failed relational upload committed under its prefix. */
    private void deleteRelationalQuietly(String prefix) {
        try {
            StoredRelational.delete(store, prefix + StoredRelational.INDEX_FILE);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not remove the orphaned tables under %s: %s", prefix, e.getMessage());
        }
        deleteQuietly(prefix + "profile.json");
    }

    /** Rewrites any readable upload as canonical CSV: comma, double quote, UTF-8, missing cells empty. */
    private DatasetStore.Staged canonicalCsv(DatasetStore.Staged upload, CsvOptions csv) throws IOException {
        return store.stage(out -> {
            try (RowSource rows = ParquetFiles.open(upload.path(), csv);
                    CsvTableWriter writer = CsvTableWriter.open(out, rows.header())) {
                String[] cells = new String[rows.columnCount()];
                while (rows.next()) {
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = rows.value(i);
                    }
                    writer.writeRow(cells);
                }
            }
        });
    }

    private DatasetStore.Staged stageJson(DatasetProfile profile) throws IOException {
        byte[] json = Json.write(profile).getBytes(StandardCharsets.UTF_8);
        return store.stage(out -> out.write(json));
    }

    private Uni<DatasetEntity> persist(UUID id, String tenant, String actor, String owner, String name, StoredObject data,
            StoredObject profileObject, DatasetProfile profile, String format) {
        DatasetEntity e = new DatasetEntity();
        e.id = id;
        e.tenant = tenant;
        e.name = name;
        e.owner = owner;
        e.status = "PROFILED";
        e.storageKey = data.key();
        e.sha256 = data.sha256();
        e.sizeBytes = data.sizeBytes();
        e.sourceFormat = format;
        apply(e, profile, profileObject);
        e.createdAt = Instant.now();
        e.profiledAt = e.createdAt;
        String subject = "datasets/" + id;
        EventEnvelope registered = EventEnvelope.create(service.source(), EventType.DATASET_REGISTERED, subject, tenant, actor,
                new Payloads.DatasetRegistered(id.toString(), name, data.key(), data.sha256(), data.sizeBytes(), owner,
                        classification(profile)));
        EventEnvelope profiled = EventEnvelope.create(service.source(), EventType.DATASET_PROFILED, subject, tenant, actor,
                profiledPayload(e, profile));
        return e.<DatasetEntity>persist()
                .call(() -> Outbox.enqueue(registered))
                .call(() -> Outbox.enqueue(profiled));
    }

    private static void apply(DatasetEntity e, DatasetProfile profile, StoredObject profileObject) {
        e.rowCount = profile.rowCount();
        e.columnCount = profile.columnCount();
        e.profileJson = Json.write(profile);
        e.profileVersion = profile.profileVersion();
        e.profileKey = profileObject.key();
        e.profileSha256 = profileObject.sha256();
    }

    /** Personal data makes a dataset confidential; governance refines this with its own policy. */
    private static String classification(DatasetProfile profile) {
        return profile.pii().isEmpty() ? "internal" : "confidential";
    }

    /** The event carries what consumers act on; wide tables drop per-column summaries, then the schema. */
    Payloads.DatasetProfiled profiledPayload(DatasetEntity e, DatasetProfile profile) {
        List<ColumnSummary> summaries = profile.columns().stream().map(DatasetMapper::summary).toList();
        TableSchema schema = profile.schema();
        Payloads.DatasetProfiled full = payload(e, profile, schema, summaries);
        if (Json.write(full).length() <= config.eventInlineBytes()) {
            return full;
        }
        Payloads.DatasetProfiled withoutSummaries = payload(e, profile, schema, null);
        if (Json.write(withoutSummaries).length() <= config.eventInlineBytes()) {
            return withoutSummaries;
        }
        return payload(e, profile, null, null);
    }

    private static Payloads.DatasetProfiled payload(DatasetEntity e, DatasetProfile profile, TableSchema schema,
            List<ColumnSummary> columns) {
        return new Payloads.DatasetProfiled(e.id.toString(), e.storageKey, profile.rowCount(), profile.columnCount(), schema,
                columns, profile.profileVersion(), e.profileKey, e.profileSha256, profile.pii(), profile.attributes());
    }

    /** Declared types that some values do not have are rejected (the data would not load downstream), naming the first such line. */
    private static void requireDeclaredTypesFit(DatasetProfile profile) {
        for (ColumnProfile c : profile.columns()) {
            if (c.invalidCount() > 0) {
                throw new BadInputException("schema-mismatch", 422, "line " + c.firstInvalidLine() + ", column '" + c.name()
                        + "': " + c.invalidCount() + " values are not valid " + c.type()
                        + (c.format() != null ? " (" + c.format() + ")" : "") + "; the declared type was not applied")
                        .detail("column", c.name()).detail("line", c.firstInvalidLine()).detail("invalidValues", c.invalidCount());
            }
        }
    }

    /**
     * Re-profiles a stored dataset with user-declared types. Types that some values do not have are
     * rejected (the data would not load downstream), naming the column and the first such line.
     * Blocking: call from a worker thread.
     */
    public DatasetView declareSchema(String id, TableSchema explicit, Caller caller) {
        String tenant = caller.tenant();
        UUID uuid = NotFound.parseId("dataset", id);
        DatasetEntity e = BlockingTx.inSession(() -> DatasetEntity.findForTenant(tenant, uuid));
        if (e == null) {
            throw new NotFound("dataset", id);
        }
        if (explicit == null || explicit.columns().isEmpty()) {
            throw new BadInputException("invalid-schema", "the schema must name at least one column");
        }
        DatasetProfile profile;
        try {
            CsvOptions csv = config.limitsFor(tenant).apply(CsvOptions.defaults());
            profile = new DatasetProfiler(profileOptions(explicit)).profile(store.localPath(e.storageKey), csv, e.name, e.sha256)
                    .withDatasetId(id);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        requireDeclaredTypesFit(profile);
        try (DatasetStore.Staged document = stageJson(profile)) {
            StoredObject profileObject = document.commit(e.profileKey != null ? e.profileKey
                    : tenant + "/datasets/" + id + "/profile.json");
            DatasetEntity saved = BlockingTx.inTransaction(() -> DatasetEntity.findForTenant(tenant, uuid).chain(current -> {
                apply(current, profile, profileObject);
                current.profiledAt = Instant.now();
                EventEnvelope profiled = EventEnvelope.create(service.source(), EventType.DATASET_PROFILED, "datasets/" + id, tenant,
                        caller.username(), profiledPayload(current, profile));
                return Outbox.enqueue(profiled).replaceWith(current);
            }));
            LOG.infof("dataset %s re-profiled with a declared schema of %d columns", id, explicit.size());
            return DatasetMapper.toView(saved);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Deletes a dataset's stored data, its profile document and its row, and announces
     * {@code dataset.deleted}, as governance requested (retention ended or the owner asked). The files
     * go first: if the transaction then fails, the retry finds the row and deletes again (deleting a
     * missing file does nothing); the row's removal, the announcement and the inbox marker commit
     * together, so a redelivered request does nothing. A dataset of another tenant is not touched.
     * Blocking: call from a worker thread.
     *
     * @return whether this call deleted the dataset
     */
    public boolean delete(String consumer, String requestEventId, String tenant, Payloads.DatasetDeletionRequested request) {
        UUID id = UUID.fromString(request.datasetId());
        DatasetEntity e = BlockingTx.inSession(() -> DatasetEntity.findForTenant(tenant, id));
        if (e != null) {
            if (StoredRelational.isRelational(e.storageKey)) {
                try {
                    StoredRelational.delete(store, e.storageKey);
                } catch (IOException ex) {
                    throw new UncheckedIOException("could not delete the tables of dataset " + id, ex);
                }
            }
            for (String key : new String[] {e.storageKey, e.profileKey}) {
                if (key != null) {
                    try {
                        store.delete(key);
                    } catch (IOException ex) {
                        throw new UncheckedIOException("could not delete " + key + " of dataset " + id, ex);
                    }
                }
            }
        }
        String actor = request.requestedBy() == null ? "governance" : request.requestedBy();
        boolean deleted = BlockingTx.inTransaction(() -> Inbox.firstDelivery(consumer, requestEventId).chain(first -> !first
                ? Uni.createFrom().item(false)
                : DatasetEntity.findForTenant(tenant, id).chain(current -> {
                    if (current == null) {
                        return Uni.createFrom().item(false);
                    }
                    EventEnvelope announcement = EventEnvelope.create(service.source(), EventType.DATASET_DELETED, "datasets/" + id, tenant,
                            actor, new Payloads.DatasetDeleted(id.toString(), request.reason()));
                    return current.delete().call(() -> Outbox.enqueue(announcement)).replaceWith(true);
                })));
        if (deleted) {
            LOG.infof("dataset %s of tenant %s deleted (%s, requested by %s)", id, tenant, request.reason(), actor);
        }
        return deleted;
    }

    public Uni<DatasetView> get(String tenant, String id) {
        return find(tenant, id).map(DatasetMapper::toView);
    }

    public Uni<String> profileJson(String tenant, String id) {
        return find(tenant, id).map(e -> e.profileJson);
    }

    public Uni<String> profileHtml(String tenant, String id) {
        return find(tenant, id).map(e -> "relational".equals(e.sourceFormat)
                ? io.synthline.profiler.engine.report.RelationalProfileHtml.render(Json.read(e.profileJson, RelationalProfile.class), e.name)
                : ProfileHtml.render(StoredProfiles.require(id, e.profileJson)));
    }

    public Uni<List<DatasetView>> list(String tenant) {
        return DatasetEntity.listForTenant(tenant).map(l -> l.stream().map(DatasetMapper::toView).toList());
    }

    private Uni<DatasetEntity> find(String tenant, String id) {
        return Uni.createFrom().item(() -> NotFound.parseId("dataset", id))
                .chain(uuid -> DatasetEntity.findForTenant(tenant, uuid))
                .onItem().ifNull().failWith(() -> new NotFound("dataset", id));
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            return "dataset-" + Instant.now().toString().replace(':', '-');
        }
        String trimmed = name.strip();
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadInputException("invalid-name", "the dataset name contains a control character (such as NUL or a line break)");
        }
        if (trimmed.length() > 200) {
            throw new BadInputException("invalid-name", "the dataset name is longer than 200 characters");
        }
        return trimmed;
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            LOG.warnf("could not remove orphaned object %s: %s", key, e.getMessage());
        }
    }
}
