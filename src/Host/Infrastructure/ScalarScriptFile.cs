using System.Text;
using System.Text.RegularExpressions;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// Scalar's reference page starts itself with an inline script, which the Content-Security-Policy forbids. The page is
/// served with that script moved to /scalar/page-init.js, whose body is the same script, taken from the page Scalar
/// renders for /scalar/ — so nothing of Scalar's configuration is copied here.
/// </summary>
public sealed partial class ScalarScriptFile(RequestDelegate next)
{
    public const string Page = "/scalar/";
    public const string Script = "/scalar/page-init.js";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        var isScript = path == Script;
        if (!HttpMethods.IsGet(context.Request.Method) || (path != Page && !isScript))
        {
            await next(context);
            return;
        }

        if (isScript)
        {
            context.Request.Path = Page;
            context.Request.RouteValues.Remove("documentName");
        }
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var html = Encoding.UTF8.GetString(buffer.ToArray());
        var inline = InlineScript().Match(html);
        if (context.Response.StatusCode != StatusCodes.Status200OK || !inline.Success)
        {
            await original.WriteAsync(buffer.ToArray(), context.RequestAborted);
            return;
        }
        var body = isScript
            ? inline.Groups["code"].Value
            : html.Remove(inline.Index, inline.Length).Insert(inline.Index, "<script type=\"module\" src=\"page-init.js\"></script>");
        if (isScript) context.Response.ContentType = "text/javascript; charset=utf-8";
        context.Response.ContentLength = null;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    [GeneratedRegex("<script type=\"module\">(?<code>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
