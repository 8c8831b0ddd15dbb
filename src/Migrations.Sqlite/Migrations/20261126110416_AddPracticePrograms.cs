using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPracticePrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticePrograms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilitatorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CallSizes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Absences = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Rooms = table.Column<string>(type: "TEXT", nullable: false),
                    RepeatedPairs = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticePrograms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticePrograms_AspNetUsers_FacilitatorUserId",
                        column: x => x.FacilitatorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PracticeParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeParticipants_PracticePrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "PracticePrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeParticipants_ProgramId_Position",
                table: "PracticeParticipants",
                columns: new[] { "ProgramId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeParticipants_Secret",
                table: "PracticeParticipants",
                column: "Secret",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PracticePrograms_FacilitatorUserId",
                table: "PracticePrograms",
                column: "FacilitatorUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeParticipants");

            migrationBuilder.DropTable(
                name: "PracticePrograms");
        }
    }
}
