using System.Net.Http.Headers;
using Npgsql;

namespace IssueTracker.Host.Tests.Attachments;

public sealed record Upload(string Name, byte[] Bytes, string ContentType = "image/jpeg");

public static class Uploads
{
    public static MultipartFormDataContent Body(string? step, params Upload[] files)
    {
        var body = new MultipartFormDataContent();
        if (step is not null) body.Add(new StringContent(step), "step");
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            body.Add(part, "file", file.Name);
        }
        return body;
    }

    public static Task<Answer> Attach(this Client client, Guid issue, string step, params Upload[] files) =>
        client.Send(HttpMethod.Post, $"/api/issues/{issue}/attachments", Body(step, files));

    public static Upload[] Photos(int count) => [.. Enumerable.Range(1, count).Select(i => new Upload($"photo-{i}.jpg", TestImages.Jpeg()))];

    /// <summary>How many files the PostgreSQL store holds for the street.</summary>
    public static async Task<long> StoredFiles(string street)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from issuetracker.attachment_files where tenant_id = $1", connection)
        {
            Parameters = { new() { Value = street } }
        };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
