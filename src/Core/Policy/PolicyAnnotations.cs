namespace RunnerConsole.Core.Policy;

/// <summary>Annotations the policy report reads from the objects it checks.</summary>
public static class PolicyAnnotations
{
    /// <summary>
    /// <c>runner-console.kubiya.ai/policy-exception</c>: waives named rules for the annotated object.
    /// <para>
    /// Value format: <c>"&lt;rule ids&gt;; &lt;reason&gt;"</c> — one or more rule ids separated by commas or spaces,
    /// a semicolon, then a non-empty human-readable reason, e.g.
    /// <c>"PS001, PS003, PS007; dagger engine runs BuildKit, which needs a privileged container"</c>.
    /// </para>
    /// <para>
    /// Findings of the listed rules on that object (for a workload: on any of its pod template fields) are reported with
    /// severity <see cref="PolicySeverity.AcceptedException"/> and the reason — they stay visible in the report.
    /// Put the annotation on the object's own <c>metadata.annotations</c> (the Deployment, DaemonSet, ClusterRole…),
    /// not on the pod template. A malformed value is itself an error (rule <c>PE001</c>) and waives nothing;
    /// a listed rule that produces no finding is a warning (<c>PE002</c>) so stale waivers get removed.
    /// </para>
    /// </summary>
    public const string PolicyException = "runner-console.kubiya.ai/policy-exception";

    /// <summary>
    /// <c>runner-console.kubiya.ai/generated</c>: on a Secret, declares how its content was produced.
    /// The value <see cref="GeneratedPerInstall"/> states that the key material is generated for each install
    /// (never shipped in a chart), so a private key in it is not reported by rule <c>SE003</c>.
    /// </summary>
    public const string Generated = "runner-console.kubiya.ai/generated";

    /// <summary>Value of <see cref="Generated"/> for key material generated per install: <c>per-install</c>.</summary>
    public const string GeneratedPerInstall = "per-install";
}
