using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace RunnerConsole.Sandbox.Storage;

/// <summary>A stored object: the tree (never mutated once stored) and its serialized form.</summary>
internal sealed class StoredObject
{
    public StoredObject(JsonObject obj, long resourceVersion)
    {
        Materialize(obj);
        Obj = obj;
        ResourceVersion = resourceVersion;
        Bytes = Json.Bytes(obj);
    }

    public JsonObject Obj { get; }

    /// <summary>
    /// Parsed nodes build their children lazily; enumerate everything once (under the store's lock) so that later
    /// concurrent readers only ever read.
    /// </summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o)
                {
                    Materialize(v);
                }

                break;
            case JsonArray a:
                foreach (var v in a)
                {
                    Materialize(v);
                }

                break;
        }
    }

    public byte[] Bytes { get; }

    public long ResourceVersion { get; }

    public string Namespace => Json.Namespace(Obj);

    public string Name => Json.Name(Obj);
}

/// <summary>One change, as watches and the simulated controllers see it.</summary>
internal sealed record StoreEvent(string Type, string StorageKey, long ResourceVersion, StoredObject Object, StoredObject? Previous);

/// <summary>A watch subscription: its filter and the encoded event lines waiting to be sent.</summary>
internal sealed class Watcher
{
    public required string StorageKey { get; init; }

    public string? Namespace { get; init; }

    public LabelSelector Labels { get; init; } = LabelSelector.Everything;

    public FieldSelector Fields { get; init; } = FieldSelector.Everything;

    /// <summary>How an object is encoded for this watcher (default: as stored; kubectl may ask for tables).</summary>
    public Func<StoredObject, byte[]> Render { get; init; } = o => o.Bytes;

    public Channel<byte[]> Lines { get; } = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    public bool Matches(StoredObject o) =>
        (Namespace is null || o.Namespace == Namespace) && Labels.Matches(o.Obj) && Fields.Matches(o.Obj);

    public void Offer(StoreEvent e)
    {
        if (e.StorageKey != StorageKey)
        {
            return;
        }

        var now = Matches(e.Object);
        if (e.Type == "DELETED")
        {
            if (now)
            {
                Lines.Writer.TryWrite(EncodeEvent("DELETED", Render(e.Object)));
            }

            return;
        }

        var before = e.Previous is not null && Matches(e.Previous);
        var type = (before, now) switch
        {
            (true, true) => "MODIFIED",
            (false, true) => "ADDED",
            (true, false) => "DELETED",
            _ => null,
        };
        if (type is not null)
        {
            Lines.Writer.TryWrite(EncodeEvent(type, Render(e.Object)));
        }
    }

    public static byte[] EncodeEvent(string type, byte[] objectJson)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
        var line = new byte[head.Length + objectJson.Length + 2];
        head.CopyTo(line, 0);
        objectJson.CopyTo(line, head.Length);
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        return line;
    }
}

/// <summary>
/// The in-memory object store: objects per resource, a global monotonically increasing resourceVersion,
/// a bounded event history (so watches can resume from a list's resourceVersion) and live watchers.
/// All access goes through <see cref="Gate"/>; it is re-entrant.
/// </summary>
internal sealed class ObjectStore
{
    private const int HistoryLimit = 10_000;
    private const long HistoryByteLimit = 16 * 1024 * 1024;
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _data = new(StringComparer.Ordinal);
    private readonly Queue<StoreEvent> _history = new();
    private readonly List<Watcher> _watchers = [];
    private long _rv;
    private long _oldestHistoryRv = 1;
    private long _historyBytes;

    public object Gate { get; } = new();

    /// <summary>Raised under the gate after every committed change (handlers must only schedule work).</summary>
    public event Action<StoreEvent>? Changed;

    public long CurrentResourceVersion
    {
        get
        {
            lock (Gate)
            {
                return _rv;
            }
        }
    }

    public long NextResourceVersion()
    {
        lock (Gate)
        {
            return ++_rv;
        }
    }

    private static string Key(string ns, string name) => ns.Length == 0 ? name : ns + "/" + name;

    public StoredObject? Get(string storageKey, string ns, string name)
    {
        lock (Gate)
        {
            return _data.TryGetValue(storageKey, out var map) && map.TryGetValue(Key(ns, name), out var o) ? o : null;
        }
    }

    public List<StoredObject> List(string storageKey, string? ns)
    {
        lock (Gate)
        {
            if (!_data.TryGetValue(storageKey, out var map))
            {
                return [];
            }

            return ns is null ? [.. map.Values] : [.. map.Values.Where(o => o.Namespace == ns)];
        }
    }

    public IEnumerable<(string StorageKey, StoredObject Object)> Everything()
    {
        lock (Gate)
        {
            return _data.SelectMany(kv => kv.Value.Values.Select(o => (kv.Key, o))).ToList();
        }
    }

    /// <summary>Stores <paramref name="obj"/> (taking ownership) with a fresh resourceVersion; ADDED or MODIFIED.</summary>
    public StoredObject Put(string storageKey, JsonObject obj)
    {
        lock (Gate)
        {
            var rv = ++_rv;
            Json.Meta(obj)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = new StoredObject(obj, rv);
            if (!_data.TryGetValue(storageKey, out var map))
            {
                map = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
                _data[storageKey] = map;
            }

            var key = Key(stored.Namespace, stored.Name);
            map.TryGetValue(key, out var previous);
            map[key] = stored;
            Publish(new StoreEvent(previous is null ? "ADDED" : "MODIFIED", storageKey, rv, stored, previous));
            return stored;
        }
    }

    /// <summary>Removes an object; the DELETED event carries it with a fresh resourceVersion.</summary>
    public StoredObject? Remove(string storageKey, string ns, string name)
    {
        lock (Gate)
        {
            if (!_data.TryGetValue(storageKey, out var map) || !map.Remove(Key(ns, name), out var previous))
            {
                return null;
            }

            var rv = ++_rv;
            var final = (JsonObject)previous.Obj.DeepClone();
            Json.Meta(final)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = new StoredObject(final, rv);
            Publish(new StoreEvent("DELETED", storageKey, rv, stored, previous));
            return stored;
        }
    }

    /// <summary>Loads objects as they are (state file), keeping their resourceVersions.</summary>
    public void Load(string storageKey, JsonObject obj, long rv)
    {
        lock (Gate)
        {
            if (!_data.TryGetValue(storageKey, out var map))
            {
                map = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
                _data[storageKey] = map;
            }

            var stored = new StoredObject(obj, rv);
            map[Key(stored.Namespace, stored.Name)] = stored;
            _rv = Math.Max(_rv, rv);
            _oldestHistoryRv = _rv + 1;
        }
    }

    private static long Size(StoreEvent e) => e.Object.Bytes.Length + (e.Previous?.Bytes.Length ?? 0) + 64;

    public void EnsureResourceVersionAtLeast(long rv)
    {
        lock (Gate)
        {
            _rv = Math.Max(_rv, rv);
            _oldestHistoryRv = _rv + 1;
        }
    }

    private void Publish(StoreEvent e)
    {
        _history.Enqueue(e);
        _historyBytes += Size(e);
        while (_history.Count > HistoryLimit || (_historyBytes > HistoryByteLimit && _history.Count > 1))
        {
            var old = _history.Dequeue();
            _historyBytes -= Size(old);
            _oldestHistoryRv = old.ResourceVersion + 1;
        }

        foreach (var w in _watchers)
        {
            w.Offer(e);
        }

        Changed?.Invoke(e);
    }

    /// <summary>
    /// Registers a watcher. <paramref name="fromRv"/> null = initial ADDED events for current state;
    /// otherwise replays history after it. Returns false when that history is gone (410 Expired).
    /// </summary>
    public bool AddWatcher(Watcher watcher, long? fromRv, bool initialEvents, out long startRv)
    {
        lock (Gate)
        {
            startRv = _rv;
            if (initialEvents)
            {
                foreach (var o in List(watcher.StorageKey, watcher.Namespace))
                {
                    if (watcher.Matches(o))
                    {
                        watcher.Lines.Writer.TryWrite(Watcher.EncodeEvent("ADDED", watcher.Render(o)));
                    }
                }
            }
            else if (fromRv is { } rv && rv < _rv)
            {
                if (rv + 1 < _oldestHistoryRv)
                {
                    return false;
                }

                foreach (var e in _history)
                {
                    if (e.ResourceVersion > rv)
                    {
                        watcher.Offer(e);
                    }
                }
            }

            _watchers.Add(watcher);
            return true;
        }
    }

    public void RemoveWatcher(Watcher watcher)
    {
        lock (Gate)
        {
            _watchers.Remove(watcher);
        }

        watcher.Lines.Writer.TryComplete();
    }

    public void CloseAllWatchers()
    {
        lock (Gate)
        {
            foreach (var w in _watchers)
            {
                w.Lines.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }
}
