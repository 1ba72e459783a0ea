using System.Net;

namespace IssueTracker.Host.Tests.OpenApi;

/// <summary>A real generator must turn the document into a client that compiles: the proof that others can integrate.</summary>
[Collection(AppCollection.Name)]
public class TypedClientTests(AppFixture app)
{
    private const string OpenApiTypeScript = "openapi-typescript@7.13.0";
    private const string TypeScript = "typescript@5.9.3";

    [Fact]
    public async Task A_TypeScript_client_generated_from_the_document_compiles_against_the_contract()
    {
        if (Tools.Require("npx") is not { } npx) return;
        var document = (await app.NewStreet().Anonymous.Get("/openapi/v1.json")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        var work = Directory.CreateTempSubdirectory("issuetracker-client").FullName;
        await File.WriteAllTextAsync(Path.Combine(work, "openapi.json"), document.GetRawText());
        await File.WriteAllTextAsync(Path.Combine(work, "usage.ts"), Usage);

        var generate = await Tools.Run(npx, ["--yes", OpenApiTypeScript, "openapi.json", "-o", "api.d.ts"], work, TimeSpan.FromMinutes(5));
        generate.ExitCode.ShouldBe(0, generate.Output);
        var compile = await Tools.Run(npx, ["--yes", "-p", TypeScript, "tsc", "--noEmit", "--strict", "--target", "es2022",
            "--module", "es2022", "--moduleResolution", "bundler", "usage.ts"], work, TimeSpan.FromMinutes(5));
        compile.ExitCode.ShouldBe(0, compile.Output);

        // The compiler must be able to fail: a wrong enum value is a type error.
        await File.WriteAllTextAsync(Path.Combine(work, "usage.ts"), Usage.Replace("\"parking\"", "\"parkingLot\""));
        var wrong = await Tools.Run(npx, ["--yes", "-p", TypeScript, "tsc", "--noEmit", "--strict", "--target", "es2022",
            "--module", "es2022", "--moduleResolution", "bundler", "usage.ts"], work, TimeSpan.FromMinutes(5));
        wrong.ExitCode.ShouldNotBe(0);
        wrong.Output.ShouldContain("parkingLot");
        Directory.Delete(work, recursive: true);
    }

    private const string Usage = """
        import type { components, operations, paths } from "./api";

        type RaiseIssue = paths["/api/issues"]["post"]["requestBody"]["content"]["application/json"];
        type Accepted = paths["/api/issues"]["post"]["responses"][201]["content"]["application/json"];
        type Details = operations["getIssue"]["responses"][200]["content"]["application/json"];
        type Problem = operations["assignIssue"]["responses"][409]["content"]["application/problem+json"];
        type Invalid = components["schemas"]["ValidationProblemDetails"];

        const raise: RaiseIssue = {
          title: "明光小区地锁占道", description: "3栋楼下私装地锁", category: "parking",
          location: { community: "明光社区", compound: "明光小区", building: "3栋", grid: 12 },
          reporter: { name: "王女士", contact: null }, urgency: "normal", photoUrls: [],
        };
        const statuses: components["schemas"]["IssueStatus"][] = ["raised", "onAgenda", "inProgress", "duplicate"];
        const accepted = (a: Accepted): string => `${a.id}@${a.version}`;
        const title = (d: Details): string => `${d.title} (${d.status})`;
        const kind = (p: Problem): string => p.type;
        const fields = (v: Invalid): string[] => Object.keys(v.errors ?? {});
        export { raise, statuses, accepted, title, kind, fields };
        """;
}
