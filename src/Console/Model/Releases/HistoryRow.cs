using RunnerConsole.Core.Releases;

namespace RunnerConsole.Model.Releases;

/// <summary>One revision in the release page's history table.</summary>
public sealed record HistoryRow(int Revision, ReleaseStatus Status, string Version, string? Description, string? Who, DateTimeOffset? When, bool IsCurrent);
