using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Practices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LibraryPractices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryPractices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibraryPractices_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LibraryPracticeVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PracticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedParts = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EditorUserId = table.Column<string>(type: "text", nullable: true),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryPracticeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibraryPracticeVersions_AspNetUsers_EditorUserId",
                        column: x => x.EditorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LibraryPracticeVersions_LibraryPractices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "LibraryPractices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryPractices_CongregationId_Slug",
                table: "LibraryPractices",
                columns: new[] { "CongregationId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibraryPracticeVersions_EditorUserId",
                table: "LibraryPracticeVersions",
                column: "EditorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryPracticeVersions_PracticeId_Number",
                table: "LibraryPracticeVersions",
                columns: new[] { "PracticeId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LibraryPracticeVersions");

            migrationBuilder.DropTable(
                name: "LibraryPractices");
        }
    }
}
