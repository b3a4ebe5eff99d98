using KubeTriage.Core.Analyzers.Jobs;

namespace KubeTriage.Core.Tests.Analyzers;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 3 * * 1-5")]
    [InlineData("30 2 1,15 * *")]
    [InlineData("0 0 * JAN,JUL SUN")]
    [InlineData("@hourly")]
    [InlineData("TZ=Europe/Berlin 0 6 * * *")]
    public void Validate_ValidSchedule_Null(string schedule) => Assert.Null(CronSchedule.Validate(schedule));

    [Theory]
    [InlineData("0 25 * * *")]
    [InlineData("*/5 * * *")]
    [InlineData("every 5 minutes")]
    [InlineData("0 0 32 * *")]
    [InlineData("@fortnightly")]
    [InlineData("*/0 * * * *")]
    public void Validate_InvalidSchedule_Explains(string schedule) => Assert.NotNull(CronSchedule.Validate(schedule));
}
