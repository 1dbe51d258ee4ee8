package io.synthline.generator.engine.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.relational.MetadataJson;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.synthesis.Synthesizers;
import io.synthline.generator.engine.artifact.ArtifactHeader;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.disclosure.NumericCells;
import io.synthline.generator.engine.pii.PiiColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link RelationalModel} as a file, sampled again without the data or a refit: per table
 * (parents first) its columns, its single-table model, its key, foreign-key and PII plans and its
 * sequence model, under a manifest. Like a single-table artifact ({@link SynthesisModel}) it holds no
 * training row or rare value: trees and value codebooks (numbers in cells of at least k rows,
 * categories fewer than k rows share merged; a parent's numbers as its children see them in cells of
 * at least k parents), counts and shares; key columns are numbered, never learned. The real values that fake PII must never equal go to a sidecar ({@link #writeGuard}), kept
 * with the raw data. A table of sequences without a parent table keeps the length of every sequence
 * seen, one per entity, and is not stored.
 *
 * <p>Layout: magic {@code SYNTHRDB}, format version, manifest (UTF-8 JSON), parameter byte count,
 * parameter bytes whose SHA-256 is the model hash. The same model gives the same bytes.
 */
public final class RelationalArtifact {
    public static final int FORMAT_VERSION = 2;
    private static final byte[] MAGIC = "SYNTHRDB".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GUARD_MAGIC = "SYNTHRGD".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param metadata    the tables and keys, in SDV's multi-table format
     * @param modelSha256 SHA-256 of the parameter bytes; doubles as the model id
     * @param seed        the fit's seed
     */
    public record Manifest(int formatVersion, String engineVersion, String modelSha256, String metadata, RelationalSpec spec, long seed,
            List<String> notes) {
    }

    private RelationalArtifact() {
    }

    /** Whether a file starts like a relational model (a single-table model starts otherwise). */
    public static boolean isRelational(InputStream in) throws IOException {
        return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }

    public static void write(RelationalModel model, OutputStream target) throws IOException {
        byte[] parameters = parameters(model);
        Manifest manifest = manifest(model, parameters);
        DataOutputStream out = new DataOutputStream(target);
        ArtifactHeader.write(out, MAGIC, FORMAT_VERSION, manifest);
        out.writeLong(parameters.length);
        out.write(parameters);
        out.flush();
    }

    /** The model's id: the SHA-256 of its parameters. */
    public static String id(RelationalModel model) throws IOException {
        return Sha256.hex(parameters(model));
    }

    private static Manifest manifest(RelationalModel model, byte[] parameters) {
        return new Manifest(FORMAT_VERSION, SynthesisModel.ENGINE_VERSION, Sha256.hex(parameters), MetadataJson.write(model.metadata()),
                model.spec(), model.seed(), model.notes());
    }

    private static byte[] parameters(RelationalModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelOutput out = new ModelOutput(bytes);
        RelationalMetadata metadata = model.metadata();
        for (String name : metadata.topologicalOrder()) {
            TablePlan plan = model.plan(name);
            if (plan.sequence() != null && plan.primary() == null) {
                throw new BadInputException("model-not-storable", "table '" + name + "' holds sequences without a parent table: its model"
                        + " keeps the length of every sequence seen, one per entity, so it is not stored; give it a parent table, or fit"
                        + " and sample in one run");
            }
            out.writeString(name);
            out.writeInt(plan.schema().size());
            for (ColumnSchema c : plan.schema().columns()) {
                out.writeString(c.name());
                out.writeString(c.type().name());
                out.writeString(c.format());
            }
            out.writeInts(plan.learned());
            out.writeStrings(plan.counted());
            out.writeDomain(plan.context());
            out.writeLong(plan.orphanRows());
            out.writeLong(plan.rows());
            writeModel(out, plan.model());
            out.writeInt(plan.secondary().size());
            for (TablePlan.Secondary s : plan.secondary()) {
                out.writeInt(metadata.parentsOf(name).indexOf(s.relationship()));
                out.writeInts(s.columns());
                out.writeDouble(s.missingShare());
            }
            writeKeys(out, plan.keys());
            out.writeInt(plan.pii().size());
            for (Map.Entry<Integer, PiiColumn> e : plan.pii().entrySet()) {
                out.writeInt(e.getKey());
                e.getValue().write(out);
            }
            out.writeBoolean(plan.sequence() != null);
            if (plan.sequence() != null) {
                plan.sequence().write(out);
            }
            writeKeys(out, plan.entityKeys());
            for (NumericCells cells : plan.givenCells()) {
                out.writeBoolean(cells != null);
                if (cells != null) {
                    cells.write(out);
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    static void writeModel(ModelOutput out, FittedModel model) throws IOException {
        out.writeBoolean(model != null);
        if (model != null) {
            out.writeString(model.synthesizer());
            model.write(out);
        }
    }

    static FittedModel readModel(ModelInput in, RelationalSpec spec, int threads) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return Synthesizers.create(in.readString(), spec.options(), threads).read(in);
    }

    private static void writeKeys(ModelOutput out, List<KeyPlan> keys) throws IOException {
        out.writeInt(keys.size());
        for (KeyPlan k : keys) {
            out.writeInt(k.column());
            out.writeString(k.prefix());
            out.writeBoolean(k.integers());
            out.writeBoolean(k.perParent());
        }
    }

    private static List<KeyPlan> readKeys(ModelInput in) throws IOException {
        int n = count(in.readInt());
        List<KeyPlan> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(new KeyPlan(in.readInt(), in.readString(), in.readBoolean(), in.readBoolean()));
        }
        return keys;
    }

    /**
     * Reads an artifact, checking its magic, format and model hash. The model it gives samples only
     * once {@link #readGuard its sidecar} is given back, when it replaces identifying PII.
     */
    public static RelationalModel read(InputStream source, int threads) throws IOException {
        DataInputStream in = new DataInputStream(source);
        Manifest manifest = ArtifactHeader.read(in, MAGIC, FORMAT_VERSION, Manifest.class, "Synthline model of several tables");
        long length = in.readLong();
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
            throw new IOException("corrupt model: parameter length " + length);
        }
        byte[] parameters = in.readNBytes((int) length);
        if (parameters.length != length || !Sha256.hex(parameters).equals(manifest.modelSha256())) {
            throw new BadInputException("corrupt-model", "the model's parameters do not match its hash " + manifest.modelSha256());
        }
        RelationalMetadata metadata = MetadataJson.parse(manifest.metadata());
        RelationalSpec spec = manifest.spec();
        ModelInput body = new ModelInput(new ByteArrayInputStream(parameters), length);
        Map<String, TablePlan> plans = new LinkedHashMap<>();
        for (String expected : metadata.topologicalOrder()) {
            String name = body.readString();
            if (!expected.equals(name)) {
                throw new IOException("corrupt model: table '" + name + "' where '" + expected + "' was expected");
            }
            int width = count(body.readInt());
            List<ColumnSchema> columns = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                columns.add(new ColumnSchema(body.readString(), ColumnType.valueOf(body.readString()), body.readString()));
            }
            TableSchema schema = new TableSchema(columns);
            int[] learned = body.readInts();
            List<String> counted = body.readStrings();
            ModelDomain context = body.readDomain();
            long orphanRows = body.readLong();
            long rows = body.readLong();
            FittedModel model = readModel(body, spec, threads);
            List<Relationship> parents = metadata.parentsOf(name);
            Relationship primary = parents.isEmpty() ? null : parents.getFirst();
            int[] primaryColumns = primary == null ? new int[0]
                    : primary.childKey().stream().mapToInt(k -> schema.indexOf(k).getAsInt()).toArray();
            int secondaries = count(body.readInt());
            List<TablePlan.Secondary> secondary = new ArrayList<>(secondaries);
            for (int i = 0; i < secondaries; i++) {
                int r = body.readInt();
                if (r < 0 || r >= parents.size()) {
                    throw new IOException("corrupt model: foreign key " + r + " of table '" + name + "'");
                }
                secondary.add(new TablePlan.Secondary(parents.get(r), body.readInts(), body.readDouble()));
            }
            List<KeyPlan> keys = readKeys(body);
            int piiCount = count(body.readInt());
            Map<Integer, PiiColumn> pii = new LinkedHashMap<>();
            for (int i = 0; i < piiCount; i++) {
                pii.put(body.readInt(), PiiColumn.read(body));
            }
            SequenceModel sequence = body.readBoolean() ? SequenceModel.read(body, spec, threads) : null;
            List<KeyPlan> entityKeys = readKeys(body);
            NumericCells[] givenCells = new NumericCells[context.size()];
            for (int c = 0; c < givenCells.length; c++) {
                givenCells[c] = body.readBoolean() ? NumericCells.read(body) : null;
            }
            plans.put(name, new TablePlan(name, schema, learned, counted, context, primary, primaryColumns, orphanRows, rows, model,
                    secondary, keys, pii, sequence, entityKeys, givenCells));
        }
        if (body.remaining() != 0) {
            throw new IOException("corrupt model: " + body.remaining() + " parameter bytes left unread");
        }
        return RelationalModel.stored(metadata, plans, spec, manifest.seed(), manifest.notes());
    }

    /**
     * Writes the sidecar to keep with the raw data: per table, the keyed hashes of the real values of
     * its identifying PII columns (e-mails, phone numbers, ...), which fake values must not equal.
     */
    public static void writeGuard(RelationalModel model, OutputStream target) throws IOException {
        Map<String, CopyGuard> guards = model.guards();
        if (guards == null) {
            throw new IllegalStateException("a stored model read without its sidecar has no guard to write");
        }
        DataOutputStream out = new DataOutputStream(target);
        out.write(GUARD_MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(guards.size());
        for (Map.Entry<String, CopyGuard> e : guards.entrySet()) {
            out.writeUTF(e.getKey());
            e.getValue().write(out);
        }
        out.flush();
    }

    /** Reads a sidecar {@link #writeGuard} wrote. */
    public static Map<String, CopyGuard> readGuard(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(source);
        if (!Arrays.equals(in.readNBytes(GUARD_MAGIC.length), GUARD_MAGIC)) {
            throw new BadInputException("not-a-copy-guard", "the file is not the copy guard of a Synthline model of several tables");
        }
        int format = in.readInt();
        if (format != FORMAT_VERSION) {
            throw new BadInputException("unsupported-copy-guard", "copy guard format " + format + " is not supported; fit the model again");
        }
        int n = count(in.readInt());
        Map<String, CopyGuard> guards = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            guards.put(in.readUTF(), CopyGuard.read(in));
        }
        return guards;
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > 1 << 24) {
            throw new IOException("corrupt model: count " + n);
        }
        return n;
    }
}
