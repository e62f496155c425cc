using System.Text;

namespace RunnerConsole.Core.Yaml;

/// <summary>A growable UTF-8 byte buffer that can be rolled back to an earlier length (the YAML emitter's output).</summary>
internal sealed class Utf8Buffer(int capacity)
{
    private byte[] _bytes = new byte[Math.Max(capacity, 256)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Drops everything written after <paramref name="length"/>.</summary>
    public void Truncate(int length) => Length = length;

    public void Append(byte b)
    {
        if (Length == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[Length++] = b;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Append(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (Length + max > _bytes.Length)
        {
            Grow(max);
        }

        Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
    }

    public void AppendSpaces(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Grow(count);
        }

        _bytes.AsSpan(Length, count).Fill((byte)' ');
        Length += count;
    }

    /// <summary>Space for at least <paramref name="size"/> bytes at the end; call <see cref="Advance"/> with what was used.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (Length + size > _bytes.Length)
        {
            Grow(size);
        }

        return _bytes.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public override string ToString() => Encoding.UTF8.GetString(_bytes, 0, Length);

    private void Grow(int needed) => Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + needed));
}
