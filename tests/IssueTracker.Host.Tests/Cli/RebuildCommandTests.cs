namespace IssueTracker.Host.Tests.Cli;

/// <summary>
/// The rebuild command is for a stopped service: while a live host (here the tests' own) runs the async projections,
/// it refuses and changes nothing, and a name it does not rebuild is refused too.
/// </summary>
[Collection(AppCollection.Name)]
public class RebuildCommandTests(AppFixture app)
{
    [Fact]
    public async Task The_rebuild_command_refuses_while_a_live_host_runs_the_projections()
    {
        var street = app.NewStreet();
        await street.Raise();

        var (exitCode, output) = await VerifyCommandTests.RunHost("rebuild", "--street", street.Id, "--projection", "StatusBoard");

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("Another live host runs");
        output.ShouldContain("statusboard/all");
    }

    [Fact]
    public async Task The_rebuild_command_names_the_projections_it_rebuilds_when_given_another()
    {
        var (exitCode, output) = await VerifyCommandTests.RunHost("rebuild", "--projection", "IssueWriteModel");

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("'IssueWriteModel' is not a projection this store rebuilds");
        output.ShouldContain("StatusBoard");
    }

    [Fact]
    public async Task The_rebuild_command_rebuilds_an_inline_projection_for_one_street()
    {
        var street = app.NewStreet();
        await street.Raise();
        await street.Raise(Bodies.LeakingBuilding());

        var (exitCode, output) = await VerifyCommandTests.RunHost("rebuild", "--street", street.Id, "--projection", "IssueDetails, MeetingMinutes");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("IssueDetails: 2 events folded into 2 documents, 0 removed");
        output.ShouldContain("MeetingMinutes: ");
        output.ShouldContain("Rebuilt 2 projection(s)");
        output.ShouldContain($"for {street.Id}");
    }
}
