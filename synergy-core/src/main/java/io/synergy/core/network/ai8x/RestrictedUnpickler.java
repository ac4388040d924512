package io.synergy.core.network.ai8x;

import io.synergy.core.network.ai8x.PickleValues.Global;
import io.synergy.core.network.ai8x.PickleValues.InertObject;
import io.synergy.core.network.ai8x.PickleValues.StorageRef;
import io.synergy.core.network.ai8x.PickleValues.TensorRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Unpickles a checkpoint's {@code data.pkl} without ever executing anything it names. The razorvine
 * machine interprets the plain-data opcodes; every opcode that can name or call a Python object
 * ({@code GLOBAL}, {@code STACK_GLOBAL}, {@code INST}, {@code OBJ}, {@code REDUCE}, {@code NEWOBJ},
 * {@code NEWOBJ_EX}, {@code BUILD}, {@code EXT*}, persistent ids) is handled here against a strict
 * allow-list: a global that is not on it is rejected by module and name as soon as it is read,
 * before anything could be called. Allowed callables are reimplemented as inert Java values:
 * {@code OrderedDict} becomes a {@link LinkedHashMap}, {@code _rebuild_tensor_v2} a
 * {@link TensorRef}. Dicts keep their insertion order (razorvine's own SETITEMS does not, and the
 * izer assigns weights in {@code state_dict} order). Lengths inside the stream are checked against
 * the bytes that remain before anything is allocated.
 */
final class RestrictedUnpickler extends Unpickler {

    /** Globals that may be called (REDUCE/NEWOBJ) and what they become. */
    private static final Set<String> CALLABLE = Set.of(
            "collections.OrderedDict",
            "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2",
            "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
            "torch.device", "argparse.Namespace", "_codecs.encode", "builtins.set", "builtins.frozenset",
            "numpy.dtype", "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar",
            "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct");

    /** torch dtype objects, which newer checkpoints reference by name. */
    private static final Set<String> TORCH_DTYPES = Set.of("float32", "float", "float64", "double", "float16",
            "half", "bfloat16", "int64", "long", "int32", "int", "int16", "short", "int8", "uint8", "bool");

    /** Globals that may only be referenced: storage classes, dtypes, numpy.ndarray, optimizer classes. */
    private static boolean referenceOnly(String module, String name) {
        if (module.equals("torch")) {
            return StorageType.byClassName(name) != null || TORCH_DTYPES.contains(name);
        }
        if (module.equals("numpy") && name.equals("ndarray")) {
            return true;
        }
        // ai8x-training stores the optimizer's class (optimizer_type), e.g. torch.optim.adam.Adam.
        return (module.equals("torch.optim") || module.startsWith("torch.optim."))
                && IDENTIFIER.matcher(name).matches();
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern STORAGE_KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** The stream with its read position exposed, for error messages and length checks. */
    private static final class Input extends ByteArrayInputStream {
        Input(byte[] bytes) {
            super(bytes);
        }

        int position() {
            return pos;
        }
    }

    private final String what;
    private Input in;

    private RestrictedUnpickler(String what) {
        this.what = what;
    }

    /** The unpickled root object; {@code ModelImportException} for anything malformed or not allowed. */
    static Object load(byte[] pickle, String what, int maxNesting) {
        RestrictedUnpickler unpickler = new RestrictedUnpickler(what);
        unpickler.in = new Input(pickle);
        Object root;
        try {
            root = unpickler.load(unpickler.in);
        } catch (ModelImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelImportException(what + ": malformed or truncated pickle at byte " + unpickler.in.position()
                    + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } finally {
            unpickler.close();
        }
        checkNesting(root, maxNesting, what);
        return root;
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        switch (key) {
            case Opcodes.GLOBAL: {
                String module = PickleUtils.readline(in);
                String name = PickleUtils.readline(in);
                stack.add(allow(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL: {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw fail("STACK_GLOBAL needs two strings, got " + typeOf(module) + " and " + typeOf(name));
                }
                stack.add(allow(m, n));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST: {
                String module = PickleUtils.readline(in);
                String name = PickleUtils.readline(in);
                allow(module, name);
                throw fail("opcode INST (protocol 0 instance of " + module + "." + name + ") is not supported");
            }
            case Opcodes.OBJ:
                throw fail("opcode OBJ (protocol 1 instance) is not supported");
            case Opcodes.EXT1:
            case Opcodes.EXT2:
            case Opcodes.EXT4:
                throw fail("extension-registry opcodes (EXT1/2/4) are not supported");
            case Opcodes.PERSID:
                throw fail("text persistent ids (PERSID) are not used by PyTorch checkpoints");
            case Opcodes.NEXT_BUFFER:
            case Opcodes.READONLY_BUFFER:
                throw fail("out-of-band buffers (protocol 5) are not supported");
            case Opcodes.REDUCE: {
                Object args = stack.pop();
                Object callable = stack.pop();
                stack.add(call(callable, args, null));
                return NO_RETURN_VALUE;
            }
            case Opcodes.NEWOBJ: {
                Object args = stack.pop();
                Object cls = stack.pop();
                stack.add(call(cls, args, null));
                return NO_RETURN_VALUE;
            }
            case Opcodes.NEWOBJ_EX: {
                Object kwargs = stack.pop();
                Object args = stack.pop();
                Object cls = stack.pop();
                stack.add(call(cls, args, kwargs));
                return NO_RETURN_VALUE;
            }
            case Opcodes.BUILD:
                build(stack.pop(), stack.peek());
                return NO_RETURN_VALUE;
            case Opcodes.EMPTY_DICT:
                stack.add(new LinkedHashMap<>());
                return NO_RETURN_VALUE;
            case Opcodes.DICT: {
                Map<Object, Object> map = new LinkedHashMap<>();
                putPairs(map, stack.pop_all_since_marker());
                stack.add(map);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEM: {
                Object value = stack.pop();
                Object k = stack.pop();
                putPairs(stack.peek(), pair(k, value));
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEMS: {
                List<Object> items = stack.pop_all_since_marker();
                putPairs(stack.peek(), items);
                return NO_RETURN_VALUE;
            }
            case Opcodes.EMPTY_SET:
                stack.add(new LinkedHashSet<>());
                return NO_RETURN_VALUE;
            case Opcodes.ADDITEMS: {
                List<Object> items = stack.pop_all_since_marker();
                Object target = stack.peek();
                if (!(target instanceof Set<?>)) {
                    throw fail("ADDITEMS needs a set, got " + typeOf(target));
                }
                addAll(castSet(target), items);
                return NO_RETURN_VALUE;
            }
            case Opcodes.FROZENSET: {
                Set<Object> set = new LinkedHashSet<>();
                addAll(set, stack.pop_all_since_marker());
                stack.add(set);
                return NO_RETURN_VALUE;
            }
            case Opcodes.BINSTRING:
            case Opcodes.BINBYTES:
            case Opcodes.BINUNICODE:
            case Opcodes.LONG4:
                checkLength(4, key);
                return super.dispatch(key);
            case Opcodes.BINUNICODE8:
            case Opcodes.BINBYTES8:
            case Opcodes.BYTEARRAY8:
                checkLength(8, key);
                return super.dispatch(key);
            default:
                return super.dispatch(key);
        }
    }

    private static List<Object> pair(Object k, Object v) {
        List<Object> pair = new ArrayList<>(2);
        pair.add(k);
        pair.add(v);
        return pair;
    }

    /** The length field that follows the opcode must not exceed the bytes that remain. */
    private void checkLength(int width, short opcode) {
        in.mark(0);
        byte[] field = new byte[width];
        if (in.read(field, 0, width) != width) {
            throw fail("truncated in the length of opcode " + opcode);
        }
        ByteBuffer b = ByteBuffer.wrap(field).order(ByteOrder.LITTLE_ENDIAN);
        long length = width == 4 ? b.getInt() : b.getLong();
        if (length < 0 || length > in.available()) {
            throw fail("opcode " + opcode + " declares " + length + " bytes, but " + in.available() + " remain");
        }
        in.reset();
    }

    private Global allow(String module, String name) {
        String full = module + "." + name;
        if (CALLABLE.contains(full) || referenceOnly(module, name)) {
            return new Global(module, name);
        }
        throw new ModelImportException(what + ": refers to global '" + full + "' (module '" + module + "', name '"
                + name + "'), which is not on the allow-list of inert checkpoint types; nothing was called");
    }

    private Object call(Object callable, Object args, Object kwargs) {
        if (!(callable instanceof Global g)) {
            throw fail("only allowed globals may be called, got " + typeOf(callable));
        }
        String full = g.toString();
        if (!CALLABLE.contains(full)) {
            throw new ModelImportException(what + ": global '" + full + "' may be referenced, but not called");
        }
        if (!(args instanceof Object[] a)) {
            throw fail(full + " needs a tuple of arguments, got " + typeOf(args));
        }
        if (kwargs != null && !(kwargs instanceof Map<?, ?> m && (m.isEmpty() || full.equals("argparse.Namespace")))) {
            throw fail(full + " does not take keyword arguments");
        }
        switch (full) {
            case "collections.OrderedDict": {
                Map<Object, Object> map = new LinkedHashMap<>();
                if (a.length == 1 && a[0] instanceof List<?> items) {
                    for (Object item : items) {
                        if (!(item instanceof Object[] kv) || kv.length != 2) {
                            throw fail("OrderedDict items must be (key, value) pairs");
                        }
                        putPairs(map, pair(kv[0], kv[1]));
                    }
                } else if (a.length != 0) {
                    throw fail("OrderedDict takes no arguments or one list of pairs");
                }
                return map;
            }
            case "torch._utils._rebuild_tensor":
            case "torch._utils._rebuild_tensor_v2":
                return tensor(a, full);
            case "torch._utils._rebuild_parameter":
            case "torch._utils._rebuild_parameter_with_state":
                if (a.length < 1 || !(a[0] instanceof TensorRef data)) {
                    throw fail(full + " needs a tensor as its first argument");
                }
                return data;
            case "torch.device":
                if (a.length < 1 || !(a[0] instanceof String device)) {
                    throw fail("torch.device needs a device name");
                }
                return device;
            case "_codecs.encode":
                if (a.length != 2 || !(a[0] instanceof String text) || !(a[1] instanceof String encoding)
                        || !(encoding.equals("latin1") || encoding.equals("latin-1"))) {
                    throw fail("_codecs.encode is only read for (text, 'latin1')");
                }
                return text.getBytes(StandardCharsets.ISO_8859_1);
            case "builtins.set":
            case "builtins.frozenset": {
                Set<Object> set = new LinkedHashSet<>();
                if (a.length == 1 && a[0] instanceof List<?> items) {
                    addAll(set, items);
                } else if (a.length != 0) {
                    throw fail(full + " takes no arguments or one list");
                }
                return set;
            }
            default: {
                InertObject object = new InertObject(g, a);
                if (kwargs instanceof Map<?, ?> m && !m.isEmpty()) {
                    object.state = kwargs;
                }
                return object;
            }
        }
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private TensorRef tensor(Object[] a, String full) {
        if (a.length < 4 || !(a[0] instanceof StorageRef storage) || !(a[2] instanceof Object[] size)
                || !(a[3] instanceof Object[] stride)) {
            throw fail(full + " needs (storage, offset, size tuple, stride tuple, ...)");
        }
        long offset = integer(a[1], "storage offset");
        if (size.length != stride.length || size.length > 16) {
            throw fail(full + ": size " + size.length + "-D and stride " + stride.length
                    + "-D must match, with at most 16 dimensions");
        }
        long[] sizes = new long[size.length];
        long[] strides = new long[size.length];
        for (int i = 0; i < size.length; i++) {
            sizes[i] = integer(size[i], "size");
            strides[i] = integer(stride[i], "stride");
            if (sizes[i] < 0 || strides[i] < 0) {
                throw fail(full + ": sizes and strides must be >= 0");
            }
        }
        if (offset < 0) {
            throw fail(full + ": storage offset must be >= 0, got " + offset);
        }
        return new TensorRef(storage, offset, sizes, strides);
    }

    private void build(Object state, Object target) {
        if (target instanceof InertObject object) {
            object.state = state;
        } else if (target instanceof Map<?, ?>) {
            // OrderedDict.__reduce__ carries the instance __dict__ (state_dict's _metadata): not items.
            if (!(state instanceof Map<?, ?>) && state != null) {
                throw fail("BUILD on a dict needs a dict of attributes, got " + typeOf(state));
            }
        } else {
            throw fail("BUILD (__setstate__) on " + typeOf(target) + " is not supported");
        }
    }

    @SuppressWarnings("unchecked")
    private void putPairs(Object target, List<Object> items) {
        if (!(target instanceof Map<?, ?>)) {
            throw fail("SETITEM(S) needs a dict, got " + typeOf(target));
        }
        if (items.size() % 2 != 0) {
            throw fail("SETITEMS needs key/value pairs, got " + items.size() + " items");
        }
        Map<Object, Object> map = (Map<Object, Object>) target;
        for (int i = 0; i < items.size(); i += 2) {
            map.put(hashable(items.get(i)), items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> castSet(Object set) {
        return (Set<Object>) set;
    }

    private void addAll(Set<Object> set, Collection<?> items) {
        for (Object item : items) {
            set.add(hashable(item));
        }
    }

    /**
     * Python only hashes immutable values; a list, dict or set as a key would also make Java hash a
     * structure of unbounded depth, so it is refused.
     */
    private Object hashable(Object key) {
        if (key instanceof Collection<?> || key instanceof Map<?, ?>) {
            throw fail("a " + typeOf(key) + " cannot be a dict key or set element");
        }
        return key;
    }

    private long integer(Object value, String field) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw fail(field + " must be an integer, got " + typeOf(value));
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] id) || id.length != 5 || !"storage".equals(id[0])
                || !(id[1] instanceof Global type) || !(id[2] instanceof String key) || !(id[3] instanceof String location)) {
            throw fail("a persistent id must be ('storage', storage type, key, location, numel)");
        }
        StorageType storage = type.module().equals("torch") ? StorageType.byClassName(type.name()) : null;
        if (storage == null) {
            throw fail("persistent id names '" + type + "', which is not a typed storage class");
        }
        if (!STORAGE_KEY.matcher(key).matches()) {
            throw fail("storage key '" + key + "' must be 1 to 64 letters, digits or '_'");
        }
        long numel = integer(id[4], "storage element count");
        if (numel < 0) {
            throw fail("storage element count must be >= 0, got " + numel);
        }
        return new StorageRef(storage, key, location, numel);
    }

    private ModelImportException fail(String message) {
        return new ModelImportException(what + ": at byte " + in.position() + ": " + message);
    }

    static String typeOf(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Object[]) {
            return "tuple";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        if (value instanceof Set<?>) {
            return "set";
        }
        if (value instanceof Global || value instanceof TensorRef || value instanceof InertObject) {
            return value.toString();
        }
        return value.getClass().getSimpleName();
    }

    /**
     * Containers may nest at most {@code limit} deep and may not contain themselves; each is visited
     * once, so shared sub-structures cost nothing extra.
     */
    private static void checkNesting(Object root, int limit, String what) {
        new Object() {
            final Map<Object, Boolean> state = new IdentityHashMap<>(); // false: on the current path

            void visit(Object value, int depth) {
                if (!(value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Object[]
                        || value instanceof InertObject)) {
                    return;
                }
                Boolean seen = state.get(value);
                if (seen != null) {
                    if (!seen) {
                        throw new ModelImportException(what + ": the unpickled object contains itself");
                    }
                    return;
                }
                if (depth > limit) {
                    throw new ModelImportException(what + ": containers nest deeper than the limit of " + limit);
                }
                state.put(value, false);
                for (Object child : children(value)) {
                    visit(child, depth + 1);
                }
                state.put(value, true);
            }

            Iterable<?> children(Object value) {
                if (value instanceof Map<?, ?> m) {
                    List<Object> all = new ArrayList<>(m.keySet());
                    all.addAll(m.values());
                    return all;
                }
                if (value instanceof Object[] a) {
                    return Arrays.asList(a);
                }
                if (value instanceof InertObject o) {
                    List<Object> all = new ArrayList<>(o.args);
                    all.add(o.state);
                    return all;
                }
                return (Collection<?>) value;
            }
        }.visit(root, 1);
    }
}
