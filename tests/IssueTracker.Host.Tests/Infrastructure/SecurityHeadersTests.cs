using System.Net;
using System.Text.RegularExpressions;

namespace IssueTracker.Host.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public partial class SecurityHeadersTests(AppFixture app)
{
    [Theory]
    [InlineData("/board")]
    [InlineData("/board.js")]
    [InlineData("/scalar/")]
    [InlineData("/scalar/page-init.js")]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/api/issues")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_response_carries_the_browser_protections(string path)
    {
        var response = (await app.NewStreet().Anonymous.Get(path)).Response;

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("script-src 'self';");
        Regex.Match(policy, "script-src[^;]*").Value.ShouldNotContain("unsafe");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Theory]
    [InlineData("/board")]
    [InlineData("/scalar/")]
    public async Task The_pages_have_no_inline_script(string path)
    {
        var html = (await app.NewStreet().Anonymous.Get(path)).ShouldHaveStatus(HttpStatusCode.OK).Body.GetString()!;

        html.ShouldContain("<script");
        InlineScript().Matches(html).Select(m => m.Value).ShouldBeEmpty();
        InlineHandler().Matches(html).Select(m => m.Value).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_reference_pages_start_script_is_served_as_a_file()
    {
        var script = await app.NewStreet().Anonymous.Get("/scalar/page-init.js");

        script.ShouldHaveStatus(HttpStatusCode.OK).Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        script.Body.GetString()!.ShouldContain("initialize(");
        script.Body.GetString()!.ShouldContain("%2Fscalar%2F'");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
