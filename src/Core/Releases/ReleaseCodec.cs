using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace RunnerConsole.Core.Releases;

/// <summary>
/// Helm's storage encoding of a release: JSON, gzip, base64. The Secret's <c>data.release</c> holds
/// the bytes of that base64 text (the API base64-encodes Secret data once more on the wire).
/// </summary>
public static class ReleaseCodec
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b, 0x08];

    private static readonly JsonSerializerOptions Options = new()
    {
        // Helm's Go encoder escapes <, > and & as \u003c…; both forms read the same, so keep output readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Compiled metadata: a CLI run (a fresh process) writes and reads records without reflection.
        TypeInfoResolver = ReleaseJsonContext.Default,
    };

    /// <summary>The record as Helm's JSON (no compression).</summary>
    public static string ToJson(ReleaseRecord record) => JsonSerializer.Serialize(record, Options);

    public static ReleaseRecord FromJson(string json) =>
        JsonSerializer.Deserialize<ReleaseRecord>(json, Options) ?? throw new InvalidDataException("release JSON is null");

    /// <summary>base64(gzip(JSON)), the text Helm stores.</summary>
    public static string Encode(ReleaseRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, Options);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="Encode"/> wrote, or the same base64 text around plain (uncompressed) JSON.</summary>
    public static ReleaseRecord Decode(string encoded)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded.Trim());
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException("release data is not base64", ex);
        }

        if (bytes.AsSpan().StartsWith(GzipMagic))
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            bytes = output.ToArray();
        }

        try
        {
            return JsonSerializer.Deserialize<ReleaseRecord>(bytes, Options) ?? throw new InvalidDataException("release JSON is null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"release data is not a Helm release: {ex.Message}", ex);
        }
    }

    /// <summary>The value for the Secret's <c>data.release</c> key (before the API's own base64).</summary>
    public static byte[] EncodeSecretData(ReleaseRecord record) => Encoding.ASCII.GetBytes(Encode(record));

    public static ReleaseRecord DecodeSecretData(byte[] data) => Decode(Encoding.ASCII.GetString(data));
}

/// <summary>Compiled (source-generated) JSON metadata of the release record.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(ReleaseRecord))]
internal sealed partial class ReleaseJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
