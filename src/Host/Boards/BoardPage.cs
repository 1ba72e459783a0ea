namespace IssueTracker.Host.Boards;

/// <summary>The wall board: a static page that needs no token to load; it reads one from the URL fragment.</summary>
public static class BoardPage
{
    public static void MapBoardPage(this WebApplication app)
    {
        app.MapGet("/board", (IWebHostEnvironment env) =>
                TypedResults.PhysicalFile(Path.Combine(env.WebRootPath, "board.html"), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
    }
}
