namespace RunnerConsole.Sandbox.Patching;

/// <summary>A patch could not be applied. <see cref="Exception.Message"/> names the failing path.</summary>
public sealed class PatchException : Exception
{
    public PatchException()
    {
    }

    public PatchException(string message) : base(message)
    {
    }

    public PatchException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public PatchException(string message, string? path) : base(message)
    {
        Path = path;
    }

    /// <summary>The JSON pointer or field path that failed, when known.</summary>
    public string? Path { get; }
}
