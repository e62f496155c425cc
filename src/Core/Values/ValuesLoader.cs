using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace RunnerConsole.Core.Values;

/// <summary>
/// Reads a values file into <see cref="RunnerValues"/>. It walks the YAML nodes itself (rather than deserializing)
/// so unknown keys, wrong types and their positions can be reported; every problem is collected, nothing throws.
/// </summary>
public static class ValuesLoader
{
    /// <summary>Largest accepted values file, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Deepest nesting accepted; the model itself is 6 levels deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most nodes visited, aliases counted each time they are used: defuses "billion laughs".</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Reads and validates <paramref name="yaml"/>; an empty document gives the defaults (and the errors for the required keys).</summary>
    public static ValuesLoadResult Load(string yaml) => Load(yaml, validate: true);

    /// <summary>Reads <paramref name="yaml"/>; with <paramref name="validate"/> false only syntax, key and type errors are reported.</summary>
    public static ValuesLoadResult Load(string yaml, bool validate)
    {
        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (Encoding.UTF8.GetByteCount(yaml) > MaxBytes)
        {
            return Fail(new ValuesError("", $"the values file is larger than {MaxBytes / 1024 / 1024} MiB"), positions);
        }

        YamlNode? root;
        try
        {
            if (CheckShape(yaml) is { } shapeError)
            {
                return Fail(shapeError, positions);
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode.Start;
                return Fail(new ValuesError("", "expected one YAML document, found several", (int)second.Line, (int)second.Column), positions);
            }

            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            return Fail(new ValuesError("", $"malformed YAML: {Describe(e)}", (int)e.Start.Line, (int)e.Start.Column), positions);
        }

        var walker = new Walker(positions);
        var values = root is null || IsNull(root) ? RunnerValues.Defaults : (RunnerValues)walker.ReadRecord(root, RunnerValues.Defaults, "");
        if (walker.NodeLimitHit)
        {
            return Fail(new ValuesError("", $"the values file expands to more than {MaxNodes} nodes (aliases included)"), positions);
        }

        var errors = walker.Errors;
        if (validate)
        {
            // All errors at once: validation runs even after key or type errors, but a key that could not be read kept
            // its default, and a complaint about that default would only mislead. Each error is placed at its key.
            var unreadable = errors.Select(e => e.Path).Where(p => p.Length > 0).ToList();
            errors.AddRange(ValuesValidator.Validate(values)
                .Where(e => !unreadable.Any(p => ValuesValidator.IsUnder(e.Path, p) || ValuesValidator.IsUnder(p, e.Path)))
                .Select(e => AtPosition(e, positions)));
        }

        return new ValuesLoadResult(values, errors, positions);
    }

    /// <summary>Adds the file position of the nearest enclosing key to an error that has none.</summary>
    public static ValuesError AtPosition(ValuesError error, IReadOnlyDictionary<string, (int Line, int Column)> positions)
    {
        if (error.Line is not null)
        {
            return error;
        }

        for (var path = error.Path; path.Length > 0; path = Parent(path))
        {
            if (positions.TryGetValue(path, out var position))
            {
                return error with { Line = position.Line, Column = position.Column };
            }
        }

        return error;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private static ValuesLoadResult Fail(ValuesError error, Dictionary<string, (int, int)> positions) =>
        new(null, [error], positions);

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, ...): "; the position is reported separately.
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    // A streaming pass before the node tree is built: deep nesting must be refused before anything recurses on it.
    private static ValuesError? CheckShape(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    if (depth > MaxDepth)
                    {
                        var start = parser.Current.Start;
                        return new ValuesError("", $"the values file is nested deeper than {MaxDepth} levels", (int)start.Line, (int)start.Column);
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private sealed class Walker(Dictionary<string, (int, int)> positions)
    {
        private int _nodes;

        public List<ValuesError> Errors { get; } = [];

        public bool NodeLimitHit => _nodes > MaxNodes;

        public object ReadRecord(YamlNode node, object current, string path)
        {
            if (!Count() || node is not YamlMappingNode mapping)
            {
                Error(path, node, $"expected a mapping of keys, got {Shape(node)}");
                return current;
            }

            var keys = ValuesModel.KeysOf(current.GetType());
            var copy = ValuesModel.Clone(current);
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } name })
                {
                    Error(path, keyNode, "keys must be plain strings");
                    continue;
                }

                var key = keys.FirstOrDefault(k => k.Matches(name));
                var keyPath = Join(path, key?.Name ?? name);
                positions[keyPath] = Position(keyNode);
                if (key is null)
                {
                    Error(keyPath, keyNode, UnknownKey(name, keys.Select(k => k.Name)));
                    continue;
                }

                if (IsNull(valueNode))
                {
                    continue; // as in Helm: an empty key keeps the default
                }

                var existing = key.Property.GetValue(copy)!;
                if (ReadValue(key, valueNode, existing, keyPath, out var value))
                {
                    key.Property.SetValue(copy, value);
                }
            }

            return copy;
        }

        private bool ReadValue(ValuesKey key, YamlNode node, object? existing, string path, out object? value)
        {
            value = null;
            if (!Count())
            {
                return false;
            }

            switch (key.Kind)
            {
                case ValueKind.Object:
                    value = ReadRecord(node, existing!, path);
                    return true;
                case ValueKind.StringList:
                    return ReadStringList(node, path, out value);
                case ValueKind.StringMap:
                    return ReadStringMap(node, path, out value);
                case ValueKind.ObjectList:
                    return ReadObjectList(key.ElementType, node, path, out value);
                default:
                    return ReadScalar(key, node, path, out value);
            }
        }

        private bool ReadScalar(ValuesKey key, YamlNode node, string path, out object? value)
        {
            value = null;
            if (node is not YamlScalarNode { Value: { } text } scalar)
            {
                Error(path, node, $"expected {Expected(key)}, got {Shape(node)}");
                return false;
            }

            var plain = scalar.Style == ScalarStyle.Plain;
            var type = key.ElementType;
            switch (key.Kind)
            {
                case ValueKind.String:
                    value = text;
                    return true;
                case ValueKind.Boolean when plain && text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                    value = text[0] is 't' or 'T';
                    return true;
                case ValueKind.Integer when plain && type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i):
                    value = i;
                    return true;
                case ValueKind.Integer when plain && type == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                    value = l;
                    return true;
                case ValueKind.Enum when ValuesModel.ParseEnum(type, text) is { } parsed:
                    value = parsed;
                    return true;
                case ValueKind.Boolean or ValueKind.Integer when !plain:
                    Error(path, node, $"expected {Expected(key)}, got the quoted string '{text}' (remove the quotes)");
                    return false;
                default:
                    Error(path, node, $"expected {Expected(key)}, got '{text}'");
                    return false;
            }
        }

        private bool ReadStringList(YamlNode node, string path, out object? value)
        {
            value = null;
            if (node is not YamlSequenceNode sequence)
            {
                Error(path, node, $"expected a list of strings, got {Shape(node)}");
                return false;
            }

            var items = new List<string>();
            var ok = true;
            foreach (var (item, index) in sequence.Children.Select((n, i) => (n, i)))
            {
                if (!Count() || item is not YamlScalarNode { Value: { } text } || IsNull(item))
                {
                    Error($"{path}[{index}]", item, $"expected a string, got {Shape(item)}");
                    ok = false;
                    continue;
                }

                items.Add(text);
            }

            value = items.AsReadOnly();
            return ok;
        }

        private bool ReadStringMap(YamlNode node, string path, out object? value)
        {
            value = null;
            if (node is not YamlMappingNode mapping)
            {
                Error(path, node, $"expected a mapping of strings, got {Shape(node)}");
                return false;
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            var ok = true;
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                Count();
                if (keyNode is not YamlScalarNode { Value: { } name })
                {
                    Error(path, keyNode, "keys must be plain strings");
                    ok = false;
                    continue;
                }

                positions[$"{path}[{name}]"] = Position(keyNode);
                if (!Count() || valueNode is not YamlScalarNode { Value: { } text })
                {
                    Error($"{path}[{name}]", valueNode, $"expected a string, got {Shape(valueNode)}");
                    ok = false;
                    continue;
                }

                map[name] = text;
            }

            value = map.AsReadOnly();
            return ok;
        }

        private bool ReadObjectList(Type elementType, YamlNode node, string path, out object? value)
        {
            value = null;
            if (node is not YamlSequenceNode sequence)
            {
                Error(path, node, $"expected a list, got {Shape(node)}");
                return false;
            }

            var listType = typeof(List<>).MakeGenericType(elementType);
            var list = (System.Collections.IList)Activator.CreateInstance(listType)!;
            foreach (var (item, index) in sequence.Children.Select((n, i) => (n, i)))
            {
                var itemPath = $"{path}[{index}]";
                positions[itemPath] = Position(item);
                list.Add(ReadRecord(item, Activator.CreateInstance(elementType)!, itemPath));
            }

            value = Activator.CreateInstance(typeof(System.Collections.ObjectModel.ReadOnlyCollection<>).MakeGenericType(elementType), list);
            return true;
        }

        private bool Count() => ++_nodes <= MaxNodes;

        private void Error(string path, YamlNode node, string message)
        {
            if (!NodeLimitHit)
            {
                Errors.Add(new ValuesError(path, message, (int)node.Start.Line, (int)node.Start.Column));
            }
        }

        private static (int, int) Position(YamlNode node) => ((int)node.Start.Line, (int)node.Start.Column);

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static string UnknownKey(string name, IEnumerable<string> known)
        {
            if (Suggestions.Closest(name, known) is { } sibling)
            {
                return $"unknown key; did you mean '{sibling}'?";
            }

            // A right key at the wrong level ("otelCollector" at the top): point to where it lives.
            var elsewhere = ValuesModel.AllPaths()
                .Select(p => p.Path)
                .Where(p => !p.Contains('[') && string.Equals(p[(p.LastIndexOf('.') + 1)..], name, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return elsewhere.Count is > 0 and <= 3
                ? $"unknown key; did you mean '{string.Join("' or '", elsewhere)}'?"
                : "unknown key";
        }

        private static string Expected(ValuesKey key) => key.Kind switch
        {
            ValueKind.Boolean => "true or false",
            ValueKind.Integer => "a whole number",
            ValueKind.Enum => "one of " + string.Join(", ", key.EnumNames),
            _ => "a string",
        };

        private static string Shape(YamlNode node) => node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode s when IsNull(s) => "nothing",
            YamlScalarNode s => $"'{s.Value}'",
            _ => "an alias",
        };
    }
}
