using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace RunnerConsole.Core.Releases;

/// <summary>
/// RFC 3339 times as Go writes and reads them: up to nine fractional digits, an empty string or Go's
/// zero time read as "not set" (Helm 4 omits unset times; older writers stored <c>""</c> or year 1).
/// </summary>
internal sealed partial class HelmTimeJsonConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        return Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(Format(value.Value));
    }

    internal static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // .NET reads at most seven fractional digits; Go writes nine.
        var trimmed = NanosRegex().Replace(text, m => m.Groups[1].Value);
        var parsed = DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return parsed.Year <= 1 ? null : parsed;
    }

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex NanosRegex();
}
