using RunnerConsole.Model.Wizard;

namespace RunnerConsole.Console.Tests.Install;

public sealed class FieldTextTests
{
    private static readonly Func<string, string> AsIs = text => text;

    [Fact]
    public void Follow_NothingPending_ShowsTheModelValue()
    {
        var field = new FieldText();

        field.Follow("edge-runner", AsIs);

        Assert.Equal("edge-runner", field.Text);
        Assert.False(field.IsPending);
    }

    [Fact]
    public void Follow_TypedTextPending_KeepsTheTypedText()
    {
        var field = new FieldText();
        field.Follow("old", AsIs);

        field.Type("new");
        field.Follow("old", AsIs);

        Assert.Equal("new", field.Text);
        Assert.True(field.IsPending);
    }

    [Fact]
    public void TryCommit_VersionOfTheLastKeystroke_CommitsOnce()
    {
        var field = new FieldText();
        var first = field.Type("ab");
        var last = field.Type("abc");

        Assert.False(field.TryCommit(first, out _));
        Assert.True(field.TryCommit(last, out var text));
        Assert.Equal("abc", text);
        Assert.False(field.IsPending);
        Assert.False(field.TryCommit(last, out _));
    }

    [Fact]
    public void TryCommit_Leaving_CommitsWhateverIsPending()
    {
        var field = new FieldText();
        var version = field.Type("acme");

        Assert.True(field.TryCommit(out var text));
        Assert.Equal("acme", text);
        Assert.False(field.TryCommit(version, out _));
        Assert.False(field.TryCommit(out _));
    }

    [Fact]
    public void Follow_AfterCommit_KeepsTypedTextThatMeansTheStoredValue()
    {
        var field = new FieldText();
        field.Type("regcred,mirror");
        Assert.True(field.TryCommit(out _));

        field.Follow("regcred, mirror", text => string.Join(", ", text.Split(',', StringSplitOptions.TrimEntries)));

        Assert.Equal("regcred,mirror", field.Text);
    }

    [Fact]
    public void Follow_ModelChangedElsewhere_ReplacesCommittedText()
    {
        var field = new FieldText();
        field.Type("typed");
        Assert.True(field.TryCommit(out _));

        field.Follow("imported", AsIs);

        Assert.Equal("imported", field.Text);
    }
}
