using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// Every problem leaves through here: it gets its stable <c>code</c> (the type's suffix) and field <c>errorCodes</c>,
/// an unmatched /api route gets the same urn type as the rest, and a client asking for Chinese (Accept-Language: zh)
/// reads title, detail and field messages in Chinese.
/// </summary>
public static class ProblemText
{
    public sealed record Text(int Status, string Title, string ChineseTitle, string ChineseDetail);

    /// <summary>Every problem code the API answers with (the OpenAPI document lists them).</summary>
    public static readonly IReadOnlyDictionary<string, Text> Codes = new Dictionary<string, Text>
    {
        ["validation"] = new(400, "Invalid input", "输入无效", "有字段无效，详见 errors。"),
        ["unknown-organisation"] = new(400, "Unknown organisation", "未知的责任单位", "责任单位不是本街道名录中在用的单位。"),
        ["unauthorized"] = new(401, "Sign-in required", "需要登录", "缺少有效的令牌，或令牌已过期、签名无效、不属于本服务或没有街道。"),
        ["forbidden"] = new(403, "Not allowed for you", "无权操作", "你的角色或所属单位不能执行此操作。"),
        ["not-found"] = new(404, "Not found", "未找到", "本街道没有这个编号（或这个地址）。"),
        ["method-not-allowed"] = new(405, "Method not allowed", "不支持的方法", "此地址不支持该 HTTP 方法。"),
        ["invalid-transition"] = new(409, "Transition not allowed", "状态不允许", "当前状态不允许此操作。"),
        ["already-exists"] = new(409, "Already exists", "已存在", "相同编号的记录已存在。"),
        ["concurrent-write"] = new(409, "Changed at the same time", "同时被修改", "有人同时修改了这条记录，本次未保存任何内容；请刷新后重试。"),
        ["idempotency-key-in-use"] = new(409, "Idempotency-Key in use", "幂等键正在使用", "同一 Idempotency-Key 的请求正在处理中，请稍后重试。"),
        ["precondition-failed"] = new(412, "Version mismatch", "版本不符", "If-Match 与当前版本不符。"),
        ["payload-too-large"] = new(413, "Body too large", "请求体过大", "请求体超过 64 KiB。"),
        ["unsupported-media-type"] = new(415, "Send JSON", "请发送 JSON", "命令的请求体必须是 application/json。"),
        ["idempotency-key-reused"] = new(422, "Idempotency-Key reused", "幂等键被重复使用", "此 Idempotency-Key 已用于另一个请求体。"),
        ["database-unavailable"] = new(503, "Database unavailable", "数据库不可用", "数据库暂时不可用，请稍后重试。")
    };

    private static readonly Dictionary<int, string> ByStatus = new()
    {
        [400] = "validation", [401] = "unauthorized", [403] = "forbidden", [404] = "not-found", [405] = "method-not-allowed",
        [409] = "concurrent-write", [413] = "payload-too-large", [415] = "unsupported-media-type", [503] = "database-unavailable"
    };

    public static void Customize(ProblemDetailsContext context)
    {
        Problems.AddJsonFieldErrors(context);
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        if (problem.Type?.StartsWith(Problems.TypePrefix, StringComparison.Ordinal) != true)
        {
            // The Open311 facade and the pages keep their own wire format; /api speaks only urn problems.
            if (!http.Request.Path.StartsWithSegments("/api") || problem.Status is not { } status
                || !ByStatus.TryGetValue(status, out var byStatus)) return;
            problem.Type = Problems.TypePrefix + byStatus;
            problem.Title = Codes[byStatus].Title;
            problem.Detail ??= status == 404 ? "No such route or id in your street." : null;
        }
        var code = problem.Type[Problems.TypePrefix.Length..];
        problem.Extensions["code"] = code;
        if (problem is HttpValidationProblemDetails or ValidationProblemDetails && !problem.Extensions.ContainsKey("errorCodes"))
            problem.Extensions["errorCodes"] = ErrorsOf(problem)?.ToDictionary(x => x.Key, x => x.Value.Select(_ => ErrorCodes.Invalid).ToArray());

        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        if (!PrefersChinese(http.Request)) return;
        http.Response.Headers.ContentLanguage = "zh-CN";
        if (Codes.TryGetValue(code, out var text))
        {
            problem.Title = text.ChineseTitle;
            problem.Detail = (problem as Problems.TextProblem)?.ChineseDetail ?? text.ChineseDetail;
        }
        if (problem is Problems.FieldProblem { ChineseErrors: { } chinese } fields) fields.Errors = chinese;
        else if (problem.Extensions.TryGetValue("errors", out var raw) && raw is Dictionary<string, string[]> json)
            foreach (var field in json.Keys.ToList()) json[field] = ["请求体在此处不是预期格式的 JSON。"];
    }

    private static IDictionary<string, string[]>? ErrorsOf(ProblemDetails problem) => problem switch
    {
        ValidationProblemDetails v => v.Errors,
        HttpValidationProblemDetails h => h.Errors,
        _ => null
    };

    /// <summary>Chinese when the client's most preferred language is zh (zh, zh-CN, zh-Hans…); English otherwise.</summary>
    public static bool PrefersChinese(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        var first = languages.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return first?.Value.Value?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;
    }
}
