using RunnerConsole.Core.Releases;

namespace RunnerConsole.Core.Operations;

/// <summary>
/// <c>recover</c>: a release whose latest revision is stuck <c>pending-*</c> (the process that held the
/// lock died) is marked <c>failed</c>, which releases the lock; the last deployed revision is untouched,
/// so upgrade or rollback can follow.
/// </summary>
public sealed class RecoverOperation(OperationContext context)
{
    public async Task<OperationResult> RunAsync(string release, string ns, OperationOptions options, CancellationToken cancellationToken)
    {
        var history = await context.Store.HistoryAsync(release, ns, cancellationToken);
        if (history.Count == 0)
        {
            return new OperationResult("recover", release, ns, false, $"release '{release}' not found in namespace '{ns}'");
        }

        var last = history[^1];
        if (!last.Record.Status.IsPending())
        {
            return new OperationResult("recover", release, ns, true, $"release '{release}' is not stuck (revision {last.Record.Version} is {last.Record.Status.ToHelm()})") { Record = last.Record };
        }

        var was = last.Record.Status.ToHelm();
        var holder = last.Operator ?? "helm";
        var record = await context.RecordAsync(
            last.Record, ReleaseStatus.Failed,
            OperationContext.Describe($"Recovered from stuck {was} (started by {holder})", options),
            options.Operation("recover"), null, cancellationToken);
        var deployed = history.LastOrDefault(h => h.Record.Status == ReleaseStatus.Deployed);
        var next = deployed is null ? "no revision is deployed; run install or upgrade" : $"revision {deployed.Record.Version} is still deployed; upgrade or rollback to continue";
        return new OperationResult("recover", release, ns, true, $"release '{release}': revision {record.Version} was {was}, now failed; {next}") { Record = record };
    }
}
