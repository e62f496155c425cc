using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary>
/// Where a secret comes from: an existing Secret (<c>existingSecret</c> + <c>key</c>) or a value typed in
/// (<c>value</c>) that the install puts into a Secret it owns. Exactly one of the two is given.
/// </summary>
public sealed record SecretSource
{
    [Description("Name of a Secret that already exists in the release namespace.")]
    public string ExistingSecret { get; init; } = "";

    [Description("Key inside existingSecret; empty means the field's default key.")]
    public string Key { get; init; } = "";

    [Description("The secret itself, stored in a Secret the install owns; redacted whenever values are shown.")]
    public string Value { get; init; } = "";

    public bool HasExistingSecret => ExistingSecret.Length > 0;

    public bool HasValue => Value.Length > 0;

    /// <summary>True when neither source is given.</summary>
    public bool IsEmpty => !HasExistingSecret && !HasValue;

    /// <summary>The key to read from the Secret: <see cref="Key"/> or the field's default.</summary>
    public string EffectiveKey(string defaultKey) => Key.Length > 0 ? Key : defaultKey;

    public static SecretSource FromValue(string value) => new() { Value = value };

    public static SecretSource FromExistingSecret(string name, string key = "") => new() { ExistingSecret = name, Key = key };

    // Records print every property; a secret must never reach a log through ToString.
    public override string ToString() =>
        HasExistingSecret ? $"SecretSource {{ ExistingSecret = {ExistingSecret}, Key = {Key} }}"
        : HasValue ? "SecretSource { Value = <redacted> }"
        : "SecretSource { }";
}
