namespace RunnerConsole.Model.Wizard;

/// <summary>
/// The text of one form field between the keyboard and the model. What the user typed is pending until it is
/// committed (after a pause in typing, or when the field is left), and meanwhile it is what the field shows: no
/// re-render and no model value replaces it. Without pending text the field follows the model, except where the shown
/// text already means the model's value (e.g. "a,b" for the list [a, b]), so normalising never rewrites what was typed.
/// </summary>
/// <remarks>
/// The field owns its text instead of re-deriving it from the model on every render: the model only learns a typed
/// text when it is committed, so a text derived from it would show an older value over input that is still pending.
/// </remarks>
public sealed class FieldText
{
    private long _version;

    /// <summary>What the field shows.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>True while typed text has not been committed to the model.</summary>
    public bool IsPending { get; private set; }

    /// <summary>
    /// Follows the model's <paramref name="modelValue"/> (called on every render): adopted unless typed text is pending
    /// or the shown text, as the model would store it (<paramref name="normalize"/>), already is that value.
    /// </summary>
    public void Follow(string modelValue, Func<string, string> normalize)
    {
        if (!IsPending && !string.Equals(normalize(Text), modelValue, StringComparison.Ordinal))
        {
            Text = modelValue;
        }
    }

    /// <summary>Records typed text; returns its version, which <see cref="TryCommit(long, out string)"/> takes.</summary>
    public long Type(string text)
    {
        Text = text;
        IsPending = true;
        return ++_version;
    }

    /// <summary>
    /// The pending text to commit once typing paused after <paramref name="version"/>: false when more was typed since
    /// (a later pause commits it) or it was committed already.
    /// </summary>
    public bool TryCommit(long version, out string text) =>
        version == _version ? TryCommit(out text) : Fail(out text);

    /// <summary>The pending text to commit now (the field is left); false when nothing is pending.</summary>
    public bool TryCommit(out string text)
    {
        if (!IsPending)
        {
            return Fail(out text);
        }

        IsPending = false;
        text = Text;
        return true;
    }

    private static bool Fail(out string text)
    {
        text = string.Empty;
        return false;
    }
}
