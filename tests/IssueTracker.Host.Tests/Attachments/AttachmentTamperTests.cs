using System.Net;
using System.Text.Json;
using IssueTracker.Host.Attachments;
using IssueTracker.Host.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IssueTracker.Host.Tests.Attachments;

[Collection(AppCollection.Name)]
public class PostgresAttachmentTamperTests(AppFixture app)
{
    [Fact]
    public async Task A_byte_changed_in_the_table_is_named_by_verify() =>
        await AttachmentTampering.ShouldBeCaught(app, async (street, id) =>
        {
            await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand(
                "update issuetracker.attachment_files set content = set_byte(content, 200, (get_byte(content, 200) + 1) % 256) " +
                "where tenant_id = $1 and id = $2", connection)
            { Parameters = { new() { Value = street }, new() { Value = id } } };
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }, "do not match");

    [Fact]
    public async Task A_row_deleted_from_the_table_is_named_by_verify() =>
        await AttachmentTampering.ShouldBeCaught(app, async (street, id) =>
            await app.Host.Services.GetRequiredService<IAttachmentStore>().DeleteAsync(street, id, CancellationToken.None), "missing");
}

/// <summary>A host that keeps attachments as files in a folder of its own.</summary>
public sealed class FileSystemStoreFixture : AppFixture
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "issuetracker-attachments-" + Guid.NewGuid().ToString("N")[..8]);

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Attachments:Store", "filesystem");
        builder.UseSetting("Attachments:Path", Folder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class FileSystemStoreCollection : ICollectionFixture<FileSystemStoreFixture>
{
    public const string Name = "filesystem-attachments";
}

[Collection(FileSystemStoreCollection.Name)]
public class FileSystemAttachmentTests(FileSystemStoreFixture app)
{
    private FileSystemAttachmentStore Files => (FileSystemAttachmentStore)app.Host.Services.GetRequiredService<IAttachmentStore>();

    [Fact]
    public async Task Photos_are_files_in_the_folder_and_come_back_whole()
    {
        var street = app.NewStreet();
        var id = await street.Raise();
        var item = (await street.Reporter.Attach(id, "report", new Upload("a.png", TestImages.Png())))
            .ShouldHaveStatus(HttpStatusCode.Created).Body.GetProperty("items")[0];
        var attachment = item.GetProperty("id").GetGuid();

        File.Exists(Files.PathOf(street.Id, attachment)).ShouldBeTrue();
        (await Uploads.StoredFiles(street.Id)).ShouldBe(0, "nothing in the PostgreSQL table");
        var download = await street.Reporter.Get($"/api/issues/{id}/attachments/{attachment}");
        download.Response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
    }

    [Fact]
    public async Task A_byte_changed_in_a_file_is_named_by_verify() =>
        await AttachmentTampering.ShouldBeCaught(app, (street, id) =>
        {
            var path = Files.PathOf(street, id);
            var bytes = File.ReadAllBytes(path);
            bytes[200] ^= 0xFF;
            File.WriteAllBytes(path, bytes);
            return Task.CompletedTask;
        }, "do not match");

    [Fact]
    public async Task The_sweep_removes_files_no_event_names_and_keeps_the_others()
    {
        var street = app.NewStreet();
        var id = await street.Raise();
        var kept = (await street.Reporter.Attach(id, "report", Uploads.Photos(1))).Body.GetProperty("items")[0].GetProperty("id").GetGuid();
        var orphan = Guid.NewGuid();
        await Files.SaveAsync(street.Id, orphan, new MemoryStream([1, 2, 3]), CancellationToken.None);
        foreach (var file in new[] { Files.PathOf(street.Id, orphan), Files.PathOf(street.Id, kept) })
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));

        var removed = await app.Host.Services.GetRequiredService<OrphanSweep>().SweepAsync(CancellationToken.None);

        removed.ShouldBeGreaterThanOrEqualTo(1);
        File.Exists(Files.PathOf(street.Id, orphan)).ShouldBeFalse();
        File.Exists(Files.PathOf(street.Id, kept)).ShouldBeTrue();
    }
}

internal static class AttachmentTampering
{
    /// <summary>Attaches a photo, tampers with its stored bytes, and expects both verify paths to name it.</summary>
    public static async Task ShouldBeCaught(AppFixture app, Func<string, Guid, Task> tamper, string reason)
    {
        var street = app.NewStreet();
        var id = await street.Raise();
        (await street.Reporter.Attach(id, "report", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Created);
        var attachment = (await street.Reporter.Attach(id, "report", Uploads.Photos(1))).Body.GetProperty("items")[0].GetProperty("id").GetGuid();
        (await street.Auditor.Get($"/api/issues/{id}/history/verify")).Body.GetProperty("valid").GetBoolean().ShouldBeTrue();

        await tamper(street.Id, attachment);

        var verify = (await street.Auditor.Get($"/api/issues/{id}/history/verify")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        verify.GetProperty("valid").GetBoolean().ShouldBeFalse(verify.ToString());
        verify.GetProperty("attachmentId").GetGuid().ShouldBe(attachment);
        verify.GetProperty("firstInvalidVersion").GetInt64().ShouldBe(3);
        verify.GetProperty("reason").GetString()!.ShouldContain(reason);

        var output = new StringWriter();
        var summary = await StoreVerification.RunAsync(app.Store, street.Id, output, CancellationToken.None,
            app.Host.Services.GetRequiredService<IAttachmentStore>());
        summary.Broken.ShouldHaveSingleItem().StreamId.ShouldBe(id);
        output.ToString().ShouldContain(attachment.ToString());
    }
}
