using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmailThreading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InReplyTo",
                table: "OutgoingEmails",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "References",
                table: "OutgoingEmails",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToAddress",
                table: "OutgoingEmails",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThreadMessageId",
                table: "OutgoingEmails",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InReplyTo",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "References",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "ReplyToAddress",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "ThreadMessageId",
                table: "OutgoingEmails");
        }
    }
}
