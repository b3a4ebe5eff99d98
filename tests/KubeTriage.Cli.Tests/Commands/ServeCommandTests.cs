namespace KubeTriage.Cli.Tests.Commands;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10081")]
    public async Task Serve_ApprovalExpiryOutOfRange_UsageErrorBeforeStarting(string minutes)
    {
        var dir = Directory.CreateTempSubdirectory("kt-serve-").FullName;

        var (code, console) = await TestConsole.RunAsync("serve", "--port", "0", "--data-dir", dir, "--approval-expiry-minutes", minutes);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("error: --approval-expiry-minutes must be between 1 and 10080 (a week)", console.Error.Trim());
        Assert.Empty(console.Out);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }
}
