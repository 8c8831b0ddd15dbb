using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TimerPauseCardOrderAndLessonConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "OwnCards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "OwnCards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "PausedAt",
                table: "MeetingRooms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CrewLessonAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Consents = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrewLessonAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrewLessonAnswers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CrewLessonAnswers_CrewLessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "CrewLessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CrewLessonAnswers_LessonId_UserId",
                table: "CrewLessonAnswers",
                columns: new[] { "LessonId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrewLessonAnswers_UserId",
                table: "CrewLessonAnswers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrewLessonAnswers");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "OwnCards");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "OwnCards");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "MeetingRooms");
        }
    }
}
