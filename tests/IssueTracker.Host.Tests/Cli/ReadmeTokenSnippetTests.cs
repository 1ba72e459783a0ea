using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IssueTracker.Host.Tests.Cli;

/// <summary>
/// The README's "Tokens and the API" snippet, run as a developer would paste it into a fresh shell (no
/// ConnectionStrings__Marten), against a host started as scripts/run.sh starts it (Development, its development key).
/// Only the host's address differs: the test's host listens on a free port instead of 5080.
/// </summary>
[Collection(AppCollection.Name)]
public partial class ReadmeTokenSnippetTests
{
    [Fact]
    public async Task The_token_snippet_and_its_curl_raise_an_issue_in_a_shell_without_a_database_setting()
    {
        var snippet = Snippet();
        snippet.ShouldContain("dotnet run --project src/Host -- token");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Marten", AppFixture.ConnectionString);
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);

        var script = snippet.Replace("http://127.0.0.1:5080", address, StringComparison.Ordinal);
        var (exit, output) = await OpenApi.Tools.Run("/usr/bin/env", ["-u", "ConnectionStrings__Marten", "bash", "-euo", "pipefail", "-c", script],
            Repository(), TimeSpan.FromMinutes(5));

        exit.ShouldBe(0, output);
        CreatedAnswer().IsMatch(output).ShouldBeTrue(output);
    }

    private static string Snippet()
    {
        var readme = File.ReadAllText(Path.Combine(Repository(), "README.md"));
        var section = readme[readme.IndexOf("## Tokens and the API", StringComparison.Ordinal)..];
        return BashBlock().Matches(section).Select(m => m.Groups["code"].Value).First(code => code.Contains("curl", StringComparison.Ordinal));
    }

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IssueTracker.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    [GeneratedRegex("```bash\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex("""\{"id":"[0-9a-f-]{36}","version":1\}""")]
    private static partial Regex CreatedAnswer();
}
