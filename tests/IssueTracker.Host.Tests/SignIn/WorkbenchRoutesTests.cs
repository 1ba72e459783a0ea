using System.Net;
using IssueTracker.Host.Workbench;

namespace IssueTracker.Host.Tests.SignIn;

public class WorkbenchRoutesTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("issues/3f2c", true)]
    [InlineData("meetings/1/minutes", true)]
    [InlineData("signin/callback", true)]
    [InlineData("api/issues", false)]
    [InlineData("api", false)]
    [InlineData("openapi/v1.json", false)]
    [InlineData("open311/v2/services.json", false)]
    [InlineData("scalar", false)]
    [InlineData("health/ready", false)]
    [InlineData("board", false)]
    [InlineData("app/assets/index.js", false)]
    [InlineData("apis-are-app-routes", true)]
    public void The_app_answers_every_path_but_the_servers_own_and_files(string path, bool app) =>
        WorkbenchApp.IsAppPath(path).ShouldBe(app);
}

[Collection(AppCollection.Name)]
public class WorkbenchPageTests(AppFixture app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/issues/00000000-0000-0000-0000-000000000001")]
    public async Task App_paths_answer_html_without_a_token(string path)
    {
        var answer = await app.NewStreet().Anonymous.Get(path);
        answer.ShouldHaveStatus(HttpStatusCode.OK);
        answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        answer.Body.GetString()!.ShouldContain("工作台");
    }

    [Fact]
    public async Task Api_paths_stay_the_apis()
    {
        (await app.NewStreet().Anonymous.Get("/api/issues")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.NewStreet().Anonymous.Get("/api/nothing-here")).Status.ShouldNotBe(HttpStatusCode.OK);
    }
}
