using System.Net;
using IssueTracker.Host.Attachments;
using Npgsql;
using Weasel.Core;

namespace IssueTracker.Host.Tests.Attachments;

[Collection(AppCollection.Name)]
public class AttachmentSchemaTests(AppFixture app)
{
    [Fact]
    public async Task The_attachment_table_belongs_to_the_store_s_schema_so_db_apply_creates_and_db_assert_checks_it()
    {
        var street = app.NewStreet();
        var id = await street.Raise();
        (await street.Reporter.Attach(id, "report", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Created);

        app.Store.Storage.AllObjects().Select(o => o.Identifier.QualifiedName).ShouldContain("issuetracker.attachment_files");
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        var migration = await SchemaMigration.DetermineAsync(connection, CancellationToken.None, PostgresAttachmentStore.Definition());
        migration.Difference.ShouldBe(SchemaPatchDifference.None, "the table created on first use is the one db-assert expects");
    }
}
