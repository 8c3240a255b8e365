package dev.musicluster.contracts.tensor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (versions 1.0 to 3.0). Writes exactly the bytes {@code numpy.save} writes for a
 * float32 C-order array, so a Python user can {@code numpy.load} every tensor, and reads float32 or float64 in
 * either byte order.
 */
public final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the data start to 64 bytes so the array can be memory-mapped. */
    private static final int ALIGN = 64;
    /** numpy leaves room to grow the first dimension's digits in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFormat() {
    }

    public static byte[] toBytes(NpyArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + array.data().length * 4);
        try {
            write(array, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    public static void write(NpyArray array, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(array, out);
        }
    }

    public static void write(NpyArray array, OutputStream out) throws IOException {
        out.write(header(array.shape()));
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(array.data().length, 1 << 16) * 4).order(ByteOrder.LITTLE_ENDIAN);
        float[] data = array.data();
        for (int i = 0; i < data.length; ) {
            buffer.clear();
            int n = Math.min(buffer.capacity() / 4, data.length - i);
            buffer.asFloatBuffer().put(data, i, n);
            out.write(buffer.array(), 0, n * 4);
            i += n;
        }
    }

    static byte[] header(int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
                .append(shapeRepr(shape)).append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int prefix = MAGIC.length + 2;
        int withNewline = text.length + 1;
        // Like numpy: when already aligned a full block of padding is still added.
        int pad = ALIGN - ((prefix + 2 + withNewline) % ALIGN);
        int headerLength = withNewline + pad;
        boolean wide = headerLength > 0xFFFF;
        ByteBuffer out = ByteBuffer.allocate(prefix + (wide ? 4 : 2) + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) (wide ? 2 : 1)).put((byte) 0);
        if (wide) {
            out.putInt(headerLength);
        } else {
            out.putShort((short) headerLength);
        }
        out.put(text);
        for (int i = 0; i < pad; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
    static String shapeRepr(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder repr = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            repr.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return repr.append(')').toString();
    }

    public static NpyArray fromBytes(byte[] bytes) {
        try {
            return read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid .npy file: " + e.getMessage(), e);
        }
    }

    public static NpyArray read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static NpyArray read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length];
        readFully(in, magic, "magic string");
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a .npy file (bad magic string)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.reverseBytes(in.readInt());
        } else {
            throw new IOException("unsupported .npy version " + major);
        }
        if (headerLength < 0 || headerLength > 1 << 20) {
            throw new IOException("implausible .npy header length " + headerLength);
        }
        byte[] headerBytes = new byte[headerLength];
        readFully(in, headerBytes, "header");
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        String descr = group(DESCR, header, "descr");
        if (group(FORTRAN, header, "fortran_order").equals("True")) {
            throw new IOException("Fortran-order arrays are not supported; save with numpy.ascontiguousarray");
        }
        int[] shape = parseShape(group(SHAPE, header, "shape"));
        long count = NpyArray.elementCount(shape);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IOException("array too large: " + count + " elements");
        }
        ByteOrder order = switch (descr.charAt(0)) {
            case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> throw new IOException("dtype without byte order: " + descr);
        };
        String kind = descr.substring(1);
        float[] data = new float[(int) count];
        switch (kind) {
            case "f4" -> {
                byte[] raw = new byte[(int) count * 4];
                readFully(in, raw, "data");
                ByteBuffer.wrap(raw).order(order).asFloatBuffer().get(data);
            }
            case "f8" -> {
                byte[] raw = new byte[(int) count * 8];
                readFully(in, raw, "data");
                var doubles = ByteBuffer.wrap(raw).order(order).asDoubleBuffer();
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) doubles.get(i);
                }
            }
            default -> throw new IOException("unsupported dtype " + descr + " (float32 or float64 expected)");
        }
        return new NpyArray(shape, data);
    }

    private static int[] parseShape(String inner) throws IOException {
        List<Integer> dims = new ArrayList<>();
        for (String part : inner.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                try {
                    dims.add(Integer.parseInt(trimmed.endsWith("L") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
                } catch (NumberFormatException e) {
                    throw new IOException("bad shape entry '" + trimmed + "'");
                }
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String group(Pattern pattern, String header, String field) throws IOException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IOException(".npy header has no " + field + ": " + header.trim());
        }
        return matcher.group(1);
    }

    private static void readFully(DataInputStream in, byte[] into, String what) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new IOException(".npy file truncated in its " + what, e);
        }
    }
}
