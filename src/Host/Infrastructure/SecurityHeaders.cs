namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// Browser protections on every response (pages, static files, API answers alike): no script but the site's own
/// files, no framing, no MIME sniffing, no referrer. Styles may be inline (the reference page's and the workbench's
/// components set them at run time); the OIDC provider is the one other origin scripts may call.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, AuthOptions auth)
{
    private readonly string _policy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        $"connect-src 'self'{ProviderOrigin(auth)}",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string ProviderOrigin(AuthOptions auth) =>
        auth.UsesAuthority && Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority)
            ? " " + authority.GetLeftPart(UriPartial.Authority)
            : "";
}
