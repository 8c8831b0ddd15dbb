using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Boards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckInPractice",
                table: "Dyads",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BoardCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkingGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Column = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardCards", x => x.Id);
                    table.CheckConstraint("CK_BoardCards_OneOwner", "(CASE WHEN \"CrewId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"WorkingGroupId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"CongregationId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_BoardCards_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BoardCards_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoardCards_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoardCards_WorkingGroups_WorkingGroupId",
                        column: x => x.WorkingGroupId,
                        principalTable: "WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OwnCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnCards", x => x.Id);
                    table.CheckConstraint("CK_OwnCards_OneOwner", "(CASE WHEN \"CrewId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"CongregationId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_OwnCards_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OwnCards_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OwnCards_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardCards_AuthorUserId",
                table: "BoardCards",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardCards_CongregationId",
                table: "BoardCards",
                column: "CongregationId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardCards_CrewId",
                table: "BoardCards",
                column: "CrewId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardCards_WorkingGroupId",
                table: "BoardCards",
                column: "WorkingGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnCards_AuthorUserId",
                table: "OwnCards",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnCards_CongregationId",
                table: "OwnCards",
                column: "CongregationId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnCards_CrewId",
                table: "OwnCards",
                column: "CrewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardCards");

            migrationBuilder.DropTable(
                name: "OwnCards");

            migrationBuilder.DropColumn(
                name: "CheckInPractice",
                table: "Dyads");
        }
    }
}
