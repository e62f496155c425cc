namespace RunnerConsole.Core.Rendering;

/// <summary>
/// The annotation that declares an accepted exception to a policy rule (<c>"&lt;rule ids&gt;; &lt;reason&gt;"</c>).
/// Local until the policy engine's constant is merged; the text is the same.
/// </summary>
internal static class PolicyException
{
    public const string Annotation = "runner-console.kubiya.ai/policy-exception";

    public const string DaggerValue =
        "pod-security.privileged, pod-security.run-as-non-root, pod-security.capabilities; " +
        "the dagger engine runs build containers itself and needs a privileged root container";
}
