
namespace IssueTracker.Host.Tests.OpenApi;

/// <summary>
/// A property company's developer integrates as the issue describes: types generated from the running host's document,
/// a client written the natural way (tests/typed-client/src), compiled with tsc --strict and run through openapi-fetch —
/// straight at the host, and through Prism's validating proxy, which must find nothing the document does not say.
/// </summary>
[Collection(AppCollection.Name)]
public class TypedClientTests(AppFixture app)
{
    [Fact]
    public async Task A_client_typed_from_the_document_compiles_strictly_and_runs_the_lifecycle_a_meeting_the_audit_and_the_boards()
    {
        await using var server = new KestrelApp(app);
        await TypedClient.BuildAgainst(server.BaseAddress);

        var run = await TypedClient.Run("lifecycle", server.BaseAddress, app.NewStreet());

        run.GetProperty("lifecycle").GetProperty("version").GetInt32().ShouldBe(8);
        run.GetProperty("meeting").GetProperty("decisions").GetInt32().ShouldBe(3);
        run.GetProperty("audit").GetProperty("events").GetInt32().ShouldBe(8);
        run.GetProperty("boards").GetProperty("queue").GetString().ShouldBe("红色物业");
        var problems = (await TypedClient.Run("problems", server.BaseAddress, app.NewStreet())).GetProperty("problems");
        problems.EnumerateObject().Select(p => p.Name).ShouldBe(["400", "401", "403", "404", "409", "412", "413", "415", "422"]);
    }

    [Fact]
    public async Task The_compiler_refuses_what_the_document_does_not_allow()
    {
        await using var server = new KestrelApp(app);
        await TypedClient.BuildAgainst(server.BaseAddress);

        var wrong = await TypedClient.Compile("wrong.ts", """
            import type { paths } from "./api.js";
            type RaiseIssue = paths["/api/issues"]["post"]["requestBody"]["content"]["application/json"];
            type Assign = paths["/api/issues/{issueId}/assign"]["post"]["requestBody"]["content"]["application/json"];
            export const raise: RaiseIssue = { title: "明光小区地锁占道", category: "parkingLot", location: { community: "明光社区" } };
            export const assign: Assign = { dueBy: "2026-12-08T10:00:00+08:00" };
            """);

        wrong.ExitCode.ShouldNotBe(0);
        wrong.Output.ShouldContain("parkingLot");
        wrong.Output.ShouldContain("assignee");
    }

    [Fact]
    public async Task Through_Prisms_validating_proxy_the_run_and_every_documented_4xx_break_nothing_in_the_document()
    {
        await using var server = new KestrelApp(app);
        await TypedClient.BuildAgainst(server.BaseAddress);
        var document = Path.Combine(TypedClient.Folder, "generated", "openapi.json");
        await File.WriteAllTextAsync(document, (await app.NewStreet().Anonymous.Get("/openapi/v1.json")).Body.GetRawText());
        await using var prism = await PrismProxy.Start(document, server.BaseAddress);

        var run = await TypedClient.Run("lifecycle", prism.Address, app.NewStreet());
        var problems = await TypedClient.Run("problems", prism.Address, app.NewStreet());

        run.GetProperty("violations").GetArrayLength().ShouldBe(0);
        problems.GetProperty("problems").EnumerateObject().Select(p => p.Name).ShouldBe(["400", "401", "403", "404", "409", "412", "413", "415", "422"]);
        problems.GetProperty("violations").GetArrayLength().ShouldBe(0);
        prism.Log.ShouldContain("Forwarding \"post\" request");
        prism.Log.ShouldNotContain("VIOLATIONS");
        prism.Log.ShouldNotContain("Request terminated with error");
        run.GetProperty("boards").GetProperty("queue").GetString().ShouldBe("红色物业");
    }
}
