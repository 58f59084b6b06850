# Production image: `npm start` applies migrations, then serves the build.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx next build
ENV PORT=3000 NEXT_TELEMETRY_DISABLED=1
EXPOSE 3000
CMD ["npm", "start"]
