using IssueTracker.Host.SignIn;

namespace IssueTracker.Host.Workbench;

/// <summary>
/// The workbench (src/Web, built into wwwroot/app): its index.html answers every path the app routes in the
/// browser (history mode); the API, the board and the host's own pages keep theirs.
/// </summary>
public static class WorkbenchApp
{
    private static readonly string[] ServerPrefixes = ["api", "open311", "openapi", "scalar", "health", "board"];

    public static void AddIssueTrackerWorkbench(this WebApplicationBuilder builder) =>
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<AppPathConstraint>("apppath"));

    public static void UseIssueTrackerWorkbench(this WebApplication app)
    {
        app.MapAppConfig();
        app.MapDevSignIn();
        app.MapGet("/{**path:apppath}", (IWebHostEnvironment env) =>
            {
                var index = Path.Combine(env.WebRootPath ?? "", "app", "index.html");
                return File.Exists(index)
                    ? Results.File(index, "text/html; charset=utf-8")
                    : Results.Content(NotBuilt, "text/html; charset=utf-8");
            })
            .AllowAnonymous().ExcludeFromDescription();
    }

    public static bool IsAppPath(string? path)
    {
        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return true;
        if (ServerPrefixes.Contains(segments[0], StringComparer.OrdinalIgnoreCase)) return false;
        return !segments[^1].Contains('.');
    }

    private sealed class AppPathConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values,
            RouteDirection routeDirection) => IsAppPath(values.TryGetValue(routeKey, out var v) ? v?.ToString() : null);
    }

    private const string NotBuilt = """
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>IssueTracker 工作台</title></head>
        <body><h1>工作台尚未构建 / The workbench is not built</h1>
        <p>Build it with <code>bash scripts/web.sh</code> (or <code>cd src/Web &amp;&amp; npm ci &amp;&amp; npm run build</code>),
        then reload. <code>bash scripts/run.sh</code> builds it for you.</p>
        <p>The live board: <a href="/board">/board</a> · API: <a href="/scalar">/scalar</a></p></body></html>
        """;
}
