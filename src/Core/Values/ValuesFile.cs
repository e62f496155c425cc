using System.Text;

namespace RunnerConsole.Core.Values;

/// <summary>Reads a values file from disk (or a pipe such as <c>/dev/stdin</c>) without ever buffering more than the size limit.</summary>
public static class ValuesFile
{
    /// <summary>Reads and loads <paramref name="path"/>; problems reading it come back as errors, never as exceptions.</summary>
    public static async Task<ValuesLoadResult> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var empty = new Dictionary<string, (int, int)>();
        try
        {
            // Read at most one byte past the limit: pipes have no length to check up front.
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            var buffer = new byte[ValuesLoader.MaxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            if (total > ValuesLoader.MaxBytes)
            {
                return new ValuesLoadResult(null, [new ValuesError("", "the values file is larger than 1 MiB")], empty);
            }

            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, total);
            return ValuesLoader.Load(text.TrimStart('\uFEFF'));
        }
        catch (DecoderFallbackException)
        {
            return new ValuesLoadResult(null, [new ValuesError("", "the values file is not UTF-8 text")], empty);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ValuesLoadResult(null, [new ValuesError("", $"cannot read the file: {e.Message}")], empty);
        }
    }
}
